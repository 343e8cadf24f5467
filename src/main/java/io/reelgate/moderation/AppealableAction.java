package io.reelgate.moderation;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An admin action against a creator or one of their bundles, as their dashboard lists it.
 *
 * @param appeal the state of their appeal ({@code OPEN}, {@code UPHELD}, {@code REJECTED}), or {@code null} if they
 * have not appealed: then they still may, once
 */
public record AppealableAction(UUID id, String action, String targetName, String reason, Instant occurredAt,
		@Nullable String appeal) {

	public boolean mayAppeal() {
		return appeal == null;
	}
}
