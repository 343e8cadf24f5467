package io.reelgate.moderation;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A report as the admin queue shows it; who sent it stays out of view. */
public record ReportView(UUID id, ReportCategory category, String details, @Nullable String claimant,
		@Nullable String work, @Nullable String contact, boolean fromAccount, Instant createdAt) {
}
