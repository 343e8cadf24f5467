package io.reelgate.shared;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The secrets in mailed links (address verification, password resets, email-gate confirmations, gift claims,
 * collaboration invitations): 256 random bits, URL-safe, of which the database keeps only the SHA-256, so a backup or
 * a query yields no working link. One place, so every link is as strong and hashed the same way.
 */
public final class MailedTokens {

	/** The length of a token: Base64url of 32 bytes, without padding. */
	public static final int LENGTH = 43;

	private static final SecureRandom RANDOM = new SecureRandom();

	private MailedTokens() {
	}

	public static String newToken() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	public static String sha256(String token) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
				.digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JDK has SHA-256", ex);
		}
	}
}
