package io.reelgate.api;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A token as its owner's list shows it: never the secret, which exists only in the response that created it. */
public record TokenView(UUID id, String name, Set<Scope> scopes, Instant createdAt, @Nullable Instant expiresAt,
		@Nullable Instant lastUsedAt, @Nullable Instant revokedAt, boolean active) {
}
