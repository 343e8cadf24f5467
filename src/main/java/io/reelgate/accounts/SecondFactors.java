package io.reelgate.accounts;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.reelgate.shared.AccountId;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Authenticator-app codes (TOTP) as a second factor after the password, and the ten recovery codes that stand in for
 * a lost authenticator. A secret is made, shown, and switched on only once a code from it is typed back; a code is
 * accepted for the current 30-second step or the one on either side (phones' clocks drift), and only for a step
 * later than the last one accepted, so no code works twice. Recovery codes work once each. Every outcome that
 * matters is written to {@code security_events}. Rate limits are the caller's ({@link SecondFactorThrottle}), since
 * their buckets live outside this transaction. The recovery codes themselves are {@link RecoveryCodes}'.
 */
@Service
@Transactional
public class SecondFactors {

	/**
	 * The authority a session gets once it has shown a second factor since signing in: an authenticator code, a
	 * recovery code or a passkey (a passkey alone counts as both factors: something held, unlocked on the device).
	 */
	public static final String FACTOR_AUTHORITY = "FACTOR_TOTP";

	public static final int RECOVERY_CODES = 10;

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final int SECRET_BYTES = 20;

	private final JdbcClient jdbc;

	private final SecretBox box;

	private final SecurityEvents events;

	private final SecondFactorProperties properties;

	private final Clock clock;

	private final SecondFactorPolicy policy;

	private final RecoveryCodes recoveryCodes;

	SecondFactors(JdbcClient jdbc, SecretBox box, SecurityEvents events, SecondFactorProperties properties,
			Clock clock, SecondFactorPolicy policy, RecoveryCodes recoveryCodes) {
		this.policy = policy;
		this.recoveryCodes = recoveryCodes;
		this.jdbc = jdbc;
		this.box = box;
		this.events = events;
		this.properties = properties;
		this.clock = clock;
	}

	/** A secret being set up: as text to type into an app, and as the {@code otpauth:} URI its QR code holds. */
	public record Enrolment(String secret, String uri) {
	}

	/** What a typed code did. */
	public enum Check {
		/** A fresh authenticator code. */
		ACCEPTED,
		/** An unused recovery code, now spent. */
		RECOVERY_CODE_USED,
		/** Neither a current authenticator code nor an unused recovery code. */
		WRONG,
		/** A code that was right once: an authenticator code for a step already used, or a spent recovery code. */
		REPLAYED,
		/** The account has no authenticator switched on. */
		NOT_ENROLLED;

		public boolean passed() {
			return this == ACCEPTED || this == RECOVERY_CODE_USED;
		}
	}

	@Transactional(readOnly = true)
	public boolean isEnabled(AccountId account) {
		return jdbc.sql("select count(*) from totp_secrets where account_id = ? and confirmed_at is not null")
			.param(account.value()).query(Long.class).single() > 0;
	}

	/**
	 * The secret to set up, made on the first call and the same on later ones until it is confirmed (a reload of the
	 * page must not invalidate what was just scanned); empty if an authenticator is switched on already.
	 */
	public Optional<Enrolment> enrolment(AccountId account, String email) {
		Optional<Stored> stored = stored(account);
		if (stored.isPresent() && stored.get().confirmed()) {
			return Optional.empty();
		}
		byte[] secret;
		if (stored.isPresent()) {
			secret = box.open(account, stored.get().sealed());
		}
		else {
			secret = new byte[SECRET_BYTES];
			RANDOM.nextBytes(secret);
			SecretBox.Sealed sealed = box.seal(account, secret);
			jdbc.sql("""
					insert into totp_secrets (account_id, key_id, ciphertext, created_at) values (?, ?, ?, ?)
					on conflict (account_id) do nothing""")
				.params(account.value(), sealed.keyId(), sealed.ciphertext(), Timestamp.from(clock.instant()))
				.update();
			// Two tabs racing: the row that won is the secret both show.
			secret = box.open(account, stored(account).orElseThrow().sealed());
		}
		String base32 = Totp.base32(secret);
		return Optional.of(new Enrolment(base32, uri(email, base32)));
	}

	/** Whether an authenticator is being set up: a secret was shown and not yet confirmed. */
	public boolean settingUp(AccountId account) {
		return stored(account).filter(s -> !s.confirmed()).isPresent();
	}

	/**
	 * Switches the authenticator on if {@code code} is current for the secret being set up, and makes the first
	 * recovery codes.
	 * @return the recovery codes, to be shown once; empty if the code was wrong or nothing is being set up
	 */
	public Optional<List<String>> confirm(AccountId account, String code, @Nullable String clientAddress) {
		Optional<Stored> stored = stored(account).filter(s -> !s.confirmed());
		if (stored.isEmpty()) {
			return Optional.empty();
		}
		String typed = normalize(code);
		if (typed.length() != Totp.DIGITS || !typed.chars().allMatch(Character::isDigit)) {
			// Not a code at all (a paste of something else, or hostile input): refused, but no guess to put on record.
			return Optional.empty();
		}
		Long step = matchingStep(box.open(account, stored.get().sealed()), typed);
		if (step == null) {
			events.record(account, SecurityEvent.Kind.SECOND_FACTOR_WRONG, clientAddress);
			return Optional.empty();
		}
		jdbc.sql("update totp_secrets set confirmed_at = ?, last_used_step = ? where account_id = ?")
			.params(Timestamp.from(clock.instant()), step, account.value()).update();
		events.record(account, SecurityEvent.Kind.TOTP_ENABLED, clientAddress);
		return Optional.of(recoveryCodes.renew(account));
	}

	/** Checks a code typed at sign-in or for a step-up: an authenticator code, or failing that a recovery code. */
	public Check verify(AccountId account, String typed, @Nullable String clientAddress) {
		Optional<Stored> stored = stored(account).filter(Stored::confirmed);
		if (stored.isEmpty()) {
			return Check.NOT_ENROLLED;
		}
		String code = normalize(typed);
		Check check = code.length() == Totp.DIGITS && code.chars().allMatch(Character::isDigit)
				? checkTotp(account, stored.get(), code) : recoveryCodes.spend(account, code);
		switch (check) {
			case WRONG -> events.record(account, SecurityEvent.Kind.SECOND_FACTOR_WRONG, clientAddress);
			case REPLAYED -> events.record(account, SecurityEvent.Kind.SECOND_FACTOR_REPLAYED, clientAddress);
			case RECOVERY_CODE_USED -> events.record(account, SecurityEvent.Kind.RECOVERY_CODE_USED, clientAddress);
			default -> {
			}
		}
		return check;
	}

	/**
	 * Replaces every recovery code, used or not, with ten new ones, to be shown once.
	 * @return the new codes; empty if no authenticator is switched on (there is nothing they could stand in for)
	 */
	public Optional<List<String>> renewRecoveryCodes(AccountId account, @Nullable String clientAddress) {
		if (!isEnabled(account)) {
			return Optional.empty();
		}
		events.record(account, SecurityEvent.Kind.RECOVERY_CODES_RENEWED, clientAddress);
		return Optional.of(recoveryCodes.renew(account));
	}

	/** Switches the authenticator off and drops the recovery codes. */
	public void disable(AccountId account, @Nullable String clientAddress) {
		boolean wasEnabled = isEnabled(account);
		recoveryCodes.drop(account);
		jdbc.sql("delete from totp_secrets where account_id = ?").param(account.value()).update();
		if (wasEnabled) {
			events.record(account, SecurityEvent.Kind.TOTP_DISABLED, clientAddress);
		}
	}

	@Transactional(readOnly = true)
	public int recoveryCodesLeft(AccountId account) {
		return recoveryCodes.left(account);
	}

	/** The account's latest security events, newest first. */
	@Transactional(readOnly = true)
	public List<SecurityEvent> recentEvents(AccountId account, int max) {
		return events.recent(account, max);
	}

	/** Erases all of it, passkeys included, for a deleted account (the events hold client addresses). */
	void forget(AccountId account) {
		jdbc.sql("delete from user_entities where name = (select email from accounts where id = ?)")
			.param(account.value()).update();
		recoveryCodes.drop(account);
		jdbc.sql("delete from totp_secrets where account_id = ?").param(account.value()).update();
		jdbc.sql("delete from security_events where account_id = ?").param(account.value()).update();
	}

	private Check checkTotp(AccountId account, Stored stored, String code) {
		Long step = matchingStep(box.open(account, stored.sealed()), code);
		if (step == null) {
			return Check.WRONG;
		}
		// Conditional on the step, so two requests racing with one code cannot both pass.
		int updated = jdbc.sql("update totp_secrets set last_used_step = ? where account_id = ? and last_used_step < ?")
			.params(step, account.value(), step).update();
		return updated == 1 ? Check.ACCEPTED : Check.REPLAYED;
	}

	/** The step in the allowed window (one step either side of now) whose code is {@code code}, if any. */
	private @Nullable Long matchingStep(byte[] secret, String code) {
		long now = Totp.step(clock.instant());
		@Nullable Long match = null;
		for (long step = now - 1; step <= now + 1; step++) {
			// Every step is computed and compared in constant time, so timing does not tell which one matched.
			if (MessageDigest.isEqual(Totp.code(secret, step).getBytes(StandardCharsets.US_ASCII),
					code.getBytes(StandardCharsets.US_ASCII)) && match == null) {
				match = step;
			}
		}
		return match;
	}

	private String uri(String email, String secret) {
		String issuer = properties.issuer();
		String label = URLEncoder.encode(issuer + ":" + email, StandardCharsets.UTF_8).replace("+", "%20");
		return "otpauth://totp/" + label + "?secret=" + secret + "&issuer="
				+ URLEncoder.encode(issuer, StandardCharsets.UTF_8).replace("+", "%20")
				+ "&algorithm=SHA1&digits=" + Totp.DIGITS + "&period=" + Totp.STEP_SECONDS;
	}

	/** Spaces and dashes as people type them, and any case, are ignored. */
	static String normalize(String code) {
		return code.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
	}

	private Optional<Stored> stored(AccountId account) {
		return jdbc.sql("select key_id, ciphertext, confirmed_at is not null from totp_secrets where account_id = ?")
			.param(account.value())
			.query((rs, row) -> new Stored(new SecretBox.Sealed(rs.getString(1), rs.getBytes(2)), rs.getBoolean(3)))
			.optional();
	}

	private record Stored(SecretBox.Sealed sealed, boolean confirmed) {
	}

	/** Whether the account has a passkey, which is a second factor after the password as an authenticator is. */
	@Transactional(readOnly = true)
	public boolean hasPasskey(AccountId account) {
		return jdbc.sql("""
				select count(*) from user_credentials c join user_entities u on u.id = c.user_entity_user_id
				join accounts a on a.email = u.name where a.id = ?""")
			.param(account.value()).query(Long.class).single() > 0;
	}

	/** How an account stands now (after a factor was added or removed), for the session's principal. */
	@Transactional(readOnly = true)
	public SecondFactorStatus status(AccountId account, Role role) {
		return status(account, role, policy);
	}

	/** How an account stands at sign-in, for its principal: an authenticator or a passkey is a second factor. */
	@Transactional(readOnly = true)
	SecondFactorStatus status(AccountId account, Role role, SecondFactorPolicy policy) {
		if (isEnabled(account) || hasPasskey(account)) {
			return SecondFactorStatus.ENROLLED;
		}
		return policy.requires(account, role) ? SecondFactorStatus.ENROLMENT_REQUIRED : SecondFactorStatus.NOT_REQUIRED;
	}
}
