package io.reelgate.accounts;

import java.util.List;
import java.util.Optional;

import io.reelgate.shared.AccountId;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutableCredentialRecord;
import org.springframework.security.web.webauthn.management.JdbcUserCredentialRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Passkeys as Spring Security stores them ({@link JdbcUserCredentialRepository}, table {@code user_credentials}),
 * with what a change to how someone signs in needs here: a new passkey (a save of a credential id not yet stored;
 * later saves only move the signature count and last-used time) has its name checked and is recorded as
 * {@link SecurityEvent.Kind#PASSKEY_ADDED}, and a removal as {@link SecurityEvent.Kind#PASSKEY_REMOVED}; both mail
 * the owner. Spring Security's filters call this with no request of ours in hand, so the client address comes from
 * the request bound to the thread (Spring's RequestContextFilter runs before the security filters).
 */
@Component
@Transactional
class PasskeyCredentials implements UserCredentialRepository {

	/** What the account page shows a passkey as: long enough for "Work laptop (Chrome)", short enough to list. */
	static final int MAX_LABEL = 64;

	private final JdbcUserCredentialRepository stored;

	private final JdbcClient jdbc;

	private final SecurityEvents events;

	PasskeyCredentials(JdbcTemplate jdbcTemplate, JdbcClient jdbc, SecurityEvents events) {
		this.stored = new JdbcUserCredentialRepository(jdbcTemplate);
		this.jdbc = jdbc;
		this.events = events;
	}

	@Override
	public void save(CredentialRecord record) {
		if (stored.findByCredentialId(record.getCredentialId()) != null) {
			stored.save(record);
			return;
		}
		String label = label(record.getLabel());
		AccountId owner = ownerOf(record.getUserEntityUserId())
			.orElseThrow(() -> new PasskeyRefusedException("passkey.register.refused", "No account for this user entity"));
		stored.save(ImmutableCredentialRecord.fromCredentialRecord(record).label(label).build());
		events.record(owner, SecurityEvent.Kind.PASSKEY_ADDED, clientAddress());
		PasskeyEnrolments.remember(owner);
	}

	@Override
	public void delete(Bytes credentialId) {
		CredentialRecord record = stored.findByCredentialId(credentialId);
		if (record == null) {
			return;
		}
		stored.delete(credentialId);
		ownerOf(record.getUserEntityUserId())
			.ifPresent(owner -> events.record(owner, SecurityEvent.Kind.PASSKEY_REMOVED, clientAddress()));
	}

	@Override
	@Transactional(readOnly = true)
	public @Nullable CredentialRecord findByCredentialId(Bytes credentialId) {
		return stored.findByCredentialId(credentialId);
	}

	@Override
	@Transactional(readOnly = true)
	public List<CredentialRecord> findByUserId(Bytes userId) {
		return stored.findByUserId(userId);
	}

	/** The user entity's name is the account's email ({@code Passkeys} keeps it so when the address changes). */
	private Optional<AccountId> ownerOf(Bytes userEntityId) {
		return jdbc.sql("""
				select a.id from accounts a join user_entities u on u.name = a.email
				where u.id = ? and a.deleted_at is null""")
			.param(userEntityId.toBase64UrlString())
			.query((rs, row) -> new AccountId(rs.getObject(1, java.util.UUID.class)))
			.optional();
	}

	/** Trimmed; one to {@link #MAX_LABEL} characters, none of them control characters. */
	static String label(@Nullable String label) {
		String trimmed = label == null ? "" : label.strip();
		if (trimmed.isEmpty() || trimmed.codePointCount(0, trimmed.length()) > MAX_LABEL
				|| trimmed.codePoints().anyMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.SURROGATE)) {
			throw new PasskeyRefusedException("passkey.label.invalid", "Passkey name missing, too long or not text");
		}
		return trimmed;
	}

	private static @Nullable String clientAddress() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			return request.getRemoteAddr();
		}
		return null;
	}
}
