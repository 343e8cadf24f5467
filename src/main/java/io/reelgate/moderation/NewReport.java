package io.reelgate.moderation;

import io.reelgate.shared.AccountId;
import io.reelgate.shared.BundleId;
import org.jspecify.annotations.Nullable;

/**
 * A report as someone sends it. For {@link ReportCategory#COPYRIGHT} the claimant, the work, a contact address and
 * the good-faith statement are required; otherwise they are ignored.
 *
 * @param bundle the bundle reported, or {@code null} for a report about a creator as a whole
 * @param reporter the logged-in account sending it, or {@code null} for an anonymous visitor
 * @param reporterEmail where to tell the reporter the outcome, if they want to hear it (optional)
 */
public record NewReport(@Nullable BundleId bundle, ReportCategory category, String details, @Nullable String claimant,
		@Nullable String work, @Nullable String contact, boolean statementAccepted, @Nullable AccountId reporter,
		@Nullable String reporterEmail) {
}
