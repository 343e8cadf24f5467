package io.reelgate.moderation.web;

import io.reelgate.moderation.NewReport;
import io.reelgate.moderation.ReportCategory;
import io.reelgate.shared.AccountId;
import io.reelgate.shared.BundleId;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The report form, for a bundle or a creator; the copyright fields are checked by the controller, only for
 * copyright reports. {@code email} is optional: where to tell the reporter the outcome.
 */
record ReportForm(@NotNull(message = "{report.category.required}") ReportCategory category,
		@NotBlank(message = "{report.details.required}") @Size(max = 4000, message = "{report.details.size}") String details,
		@Size(max = 200, message = "{report.field.size}") String claimant,
		@Size(max = 1000, message = "{report.field.size}") String work,
		@Email(message = "{report.contact.invalid}") @Size(max = 320, message = "{report.field.size}") String contact,
		@Nullable Boolean statement,
		@Email(message = "{report.contact.invalid}") @Size(max = 320, message = "{report.field.size}") @Nullable String email) {

	static ReportForm empty() {
		return new ReportForm(null, "", "", "", "", false, "");
	}

	/** An unticked checkbox sends nothing at all. */
	boolean statementGiven() {
		return Boolean.TRUE.equals(statement);
	}

	boolean isCopyright() {
		return category == ReportCategory.COPYRIGHT;
	}

	/** @param bundle the bundle reported, or {@code null} for a report about a creator */
	NewReport toReport(@Nullable BundleId bundle, @Nullable AccountId reporter) {
		return new NewReport(bundle, category, details, claimant, work, contact, statementGiven(), reporter, email);
	}
}
