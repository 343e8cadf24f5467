package io.reelgate.moderation;

import java.time.Instant;
import java.util.UUID;

/** An audit log line as the admin page shows it. */
public record AuditRecord(String actorName, String action, String targetType, UUID targetId, String targetName,
		String reason, Instant occurredAt) {
}
