package io.reelgate.accounts;

import java.time.Instant;
import java.util.UUID;

import io.reelgate.shared.AccountId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/** One single-use link mailed to an account holder; only the hash of its secret is kept (see {@link LinkTokens}). */
@Entity
@Table(name = "account_tokens")
class AccountToken {

	/** What a link does when followed. */
	enum Purpose {
		VERIFY_EMAIL, RESET_PASSWORD, CHANGE_EMAIL
	}

	@Id
	private String tokenHash;

	private UUID accountId;

	@Enumerated(EnumType.STRING)
	private Purpose purpose;

	private @Nullable String email;

	private Instant createdAt;

	private Instant expiresAt;

	private @Nullable Instant usedAt;

	protected AccountToken() {
	}

	AccountToken(String tokenHash, AccountId account, Purpose purpose, @Nullable String email, Instant now,
			Instant expiresAt) {
		this.tokenHash = tokenHash;
		this.accountId = account.value();
		this.purpose = purpose;
		this.email = email;
		this.createdAt = now;
		this.expiresAt = expiresAt;
	}

	AccountId account() {
		return new AccountId(accountId);
	}

	Purpose purpose() {
		return purpose;
	}

	@Nullable String email() {
		return email;
	}

	boolean isUsed() {
		return usedAt != null;
	}

	boolean isExpired(Instant now) {
		return !now.isBefore(expiresAt);
	}

	void use(Instant now) {
		if (usedAt != null) {
			throw new IllegalStateException("Used already");
		}
		this.usedAt = now;
	}
}
