package io.reelgate.moderation;

import java.time.Instant;
import java.util.UUID;

/** An open appeal as the admin queue shows it, with the action it is against. */
public record AppealView(UUID id, String creatorName, String action, String targetName, String actionReason,
		String text, Instant createdAt) {
}
