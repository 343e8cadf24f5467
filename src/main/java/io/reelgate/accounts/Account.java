package io.reelgate.accounts;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import io.reelgate.shared.AccountId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

@Entity
@Table(name = "accounts")
class Account {

	@Id
	private UUID id;

	private String email;

	private String displayName;

	private String passwordHash;

	@Enumerated(EnumType.STRING)
	private Role role;

	private Instant createdAt;

	@Enumerated(EnumType.STRING)
	private AccountStatus status = AccountStatus.ACTIVE;

	private @Nullable String statusReason;

	private @Nullable Instant statusChangedAt;

	private @Nullable Instant emailVerifiedAt;

	private @Nullable Instant deletedAt;

	@Version
	@Column(nullable = false)
	private long version;

	protected Account() {
	}

	Account(String email, String displayName, String passwordHash, Role role, Instant now) {
		this.id = UUID.randomUUID();
		this.email = normalizeEmail(email);
		this.displayName = displayName.strip();
		this.passwordHash = passwordHash;
		this.role = role;
		this.createdAt = now;
	}

	/**
	 * Suspends or bans the account with a reason. Only creators are moderated this way; admins cannot be (an admin
	 * who must go loses the role first).
	 */
	void changeStatus(AccountStatus newStatus, @Nullable String reason, Instant now) {
		if (role != Role.CREATOR || deletedAt != null) {
			throw new IllegalStateException("Only creator accounts are suspended, banned or restored");
		}
		if (newStatus != AccountStatus.ACTIVE && (reason == null || reason.isBlank())) {
			throw new IllegalArgumentException("Suspending or banning needs a reason");
		}
		this.status = newStatus;
		this.statusReason = newStatus == AccountStatus.ACTIVE ? null : reason.strip();
		this.statusChangedAt = now;
	}

	/** Makes a viewer an admin. Staff use an account of their own, so creators keep their studio. */
	void grantAdmin() {
		if (role != Role.VIEWER || deletedAt != null) {
			throw new IllegalStateException("Only viewer accounts are made admins");
		}
		this.role = Role.ADMIN;
	}

	/** Takes the admin role away, leaving a viewer; callers make sure another admin remains. */
	void revokeAdmin() {
		if (role != Role.ADMIN) {
			throw new IllegalStateException("Not an admin");
		}
		this.role = Role.VIEWER;
	}

	void changePasswordHash(String newHash) {
		this.passwordHash = newHash;
	}

	/** The owner showed that they read mail at the account's address (a link, or an operator vouched for it). */
	void verifyEmail(Instant now) {
		if (emailVerifiedAt == null) {
			this.emailVerifiedAt = now;
		}
	}

	boolean isEmailVerified() {
		return emailVerifiedAt != null;
	}

	/** Takes a new address whose owner followed the link mailed to it, so it is verified at once. */
	void changeEmail(String newEmail, Instant now) {
		this.email = normalizeEmail(newEmail);
		this.emailVerifiedAt = now;
	}

	/**
	 * Erases what identifies the person and keeps the row, which orders, the ledger and the audit log refer to. The
	 * address becomes one that cannot receive mail or be signed up with ({@code .invalid} is reserved), and the
	 * password hash one of a random secret nobody knows.
	 */
	void delete(String unusablePasswordHash, Instant now) {
		if (deletedAt != null) {
			throw new IllegalStateException("Deleted already");
		}
		this.email = "deleted-" + id + "@deleted.invalid";
		this.displayName = "Deleted account";
		this.passwordHash = unusablePasswordHash;
		this.emailVerifiedAt = null;
		this.deletedAt = now;
		// A deleted admin must not count towards "another admin remains" or "an admin exists".
		if (role == Role.ADMIN) {
			this.role = Role.VIEWER;
		}
	}

	boolean isDeleted() {
		return deletedAt != null;
	}

	AccountStatus status() {
		return status;
	}

	@Nullable String statusReason() {
		return statusReason;
	}

	static String normalizeEmail(String email) {
		return email.strip().toLowerCase(Locale.ROOT);
	}

	AccountId id() {
		return new AccountId(id);
	}

	String email() {
		return email;
	}

	String displayName() {
		return displayName;
	}

	String passwordHash() {
		return passwordHash;
	}

	Role role() {
		return role;
	}

	AccountPrincipal toPrincipal(SecondFactorStatus secondFactor) {
		return new AccountPrincipal(id(), email, displayName, passwordHash, role, secondFactor);
	}
}
