package io.reelgate.accounts;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The long-lived cookie a browser gets when someone signs in there: it names the account's email (as a hash) and
 * when it was issued, signed with a key every instance shares ({@code signing_keys}). A browser that shows one for
 * the email being typed has signed in as that account before, so guessers spread over many addresses, who spend the
 * per-account login budget, do not lock the owner out of the devices they use. It proves nothing else: it is not a
 * session and never signs anyone in.
 */
@Component
public class KnownDevices {

	/** The cookie's name; it is HttpOnly, SameSite=Lax and, over HTTPS, Secure. */
	public static final String COOKIE = "RG_DEVICE";

	private static final String ALGORITHM = "HmacSHA256";

	private static final String CONTEXT = "reelgate-known-device-v1:";

	private final SecretKeySpec key;

	private final LoginRateLimitProperties limits;

	private final Clock clock;

	KnownDevices(JdbcClient jdbc, LoginRateLimitProperties limits, Clock clock) {
		this.key = new SecretKeySpec(sharedKey(jdbc), ALGORITHM);
		this.limits = limits;
		this.clock = clock;
	}

	/** A cookie value for a browser that has just signed in as {@code email}. */
	public String issue(String email) {
		String payload = emailHash(email) + "." + clock.instant().getEpochSecond();
		return payload + "." + sign(payload);
	}

	/** How long the cookie is kept by the browser and honoured by the server. */
	public long maxAgeSeconds() {
		return limits.knownDeviceLifetime().toSeconds();
	}

	/** Whether {@code cookie} was issued by Reelgate, for {@code email}, and has not expired. */
	public boolean recognises(@Nullable String cookie, @Nullable String email) {
		if (cookie == null || email == null || cookie.length() > 200) {
			return false;
		}
		int signatureAt = cookie.lastIndexOf('.');
		int issuedAt = cookie.indexOf('.');
		if (issuedAt < 0 || signatureAt <= issuedAt) {
			return false;
		}
		String payload = cookie.substring(0, signatureAt);
		if (!MessageDigest.isEqual(sign(payload).getBytes(StandardCharsets.US_ASCII),
				cookie.substring(signatureAt + 1).getBytes(StandardCharsets.US_ASCII))) {
			return false;
		}
		long issued;
		try {
			issued = Long.parseLong(payload.substring(issuedAt + 1));
		}
		catch (NumberFormatException ex) {
			return false;
		}
		Instant now = clock.instant();
		return payload.substring(0, issuedAt).equals(emailHash(email))
				&& !Instant.ofEpochSecond(issued).plus(limits.knownDeviceLifetime()).isBefore(now);
	}

	/** The normalised email, hashed, so that neither cookies nor bucket ids show whose they are. */
	static String emailHash(String email) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(Account.normalizeEmail(email).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 16);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Every JDK has SHA-256", ex);
		}
	}

	private String sign(String payload) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(key);
			return Base64.getUrlEncoder().withoutPadding()
				.encodeToString(mac.doFinal((CONTEXT + payload).getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Every JDK has " + ALGORITHM, ex);
		}
	}

	/** The first instance to start stores a random key; every instance, that one included, then reads the same one. */
	private static byte[] sharedKey(JdbcClient jdbc) {
		byte[] candidate = new byte[32];
		new SecureRandom().nextBytes(candidate);
		jdbc.sql("insert into signing_keys (purpose, secret) values ('known-device', ?) on conflict do nothing")
			.param(candidate)
			.update();
		return jdbc.sql("select secret from signing_keys where purpose = 'known-device'").query(byte[].class).single();
	}
}
