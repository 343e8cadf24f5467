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

	AccountPrincipal toPrincipal() {
		return new AccountPrincipal(id(), email, displayName, passwordHash, role);
	}
}
