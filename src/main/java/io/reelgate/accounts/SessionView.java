package io.reelgate.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * One logged-in session of an account, for its holder's account page. Nothing about the device is recorded; the
 * times are Spring Session's own.
 *
 * @param handle names the session in forms without revealing its id, which is the session's credential
 */
public record SessionView(String handle, Instant created, Instant lastUsed, boolean current) {

	static String handle(String sessionId) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(sessionId.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JDK has SHA-256", ex);
		}
	}
}
