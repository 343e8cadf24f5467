package io.reelgate.api;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.reelgate.shared.AccountId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

/** A creator's personal access token, known only by the hash of its secret. */
@Entity
@Table(name = "api_tokens")
class ApiToken {

	@Id
	private UUID id;

	private UUID ownerId;

	private String name;

	private String tokenHash;

	private String scopes;

	private Instant createdAt;

	private @Nullable Instant expiresAt;

	private @Nullable Instant lastUsedAt;

	private @Nullable Instant revokedAt;

	@Version
	@Column(nullable = false)
	private long version;

	protected ApiToken() {
	}

	ApiToken(AccountId owner, String name, String tokenHash, Set<Scope> scopes, Instant now,
			@Nullable Instant expiresAt) {
		if (scopes.isEmpty()) {
			throw new IllegalArgumentException("A token needs at least one scope");
		}
		this.id = UUID.randomUUID();
		this.ownerId = owner.value();
		this.name = name.strip();
		this.tokenHash = tokenHash;
		this.scopes = scopes.stream().map(Scope::value).sorted().collect(Collectors.joining(" "));
		this.createdAt = now;
		this.expiresAt = expiresAt;
	}

	/** Revoking twice keeps the first moment. */
	void revoke(Instant now) {
		if (revokedAt == null) {
			revokedAt = now;
		}
	}

	boolean usableAt(Instant now) {
		return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
	}

	UUID id() {
		return id;
	}

	AccountId owner() {
		return new AccountId(ownerId);
	}

	Set<Scope> scopes() {
		Set<Scope> result = EnumSet.noneOf(Scope.class);
		Arrays.stream(scopes.split(" ")).map(Scope::of).flatMap(Optional::stream).forEach(result::add);
		return result;
	}

	TokenView view(Instant now) {
		return new TokenView(id, name, scopes(), createdAt, expiresAt, lastUsedAt, revokedAt, usableAt(now));
	}
}
