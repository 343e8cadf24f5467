package io.reelgate.accounts;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Instant;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238): the HOTP of RFC 4226 over the number of 30-second steps since the epoch.
 * Every authenticator app computes six digits with HMAC-SHA1, which is what sign-in uses; the digest and length are
 * parameters so that the RFC's own test vectors (eight digits, SHA-1, SHA-256 and SHA-512) check this code. No
 * library is used: {@code dev.samstevens.totp}, the usual Java choice, has had no release since 2020 and pulls in
 * an image stack, while the algorithm is a dozen lines over the JDK's {@link Mac}.
 */
final class Totp {

	static final long STEP_SECONDS = 30;

	static final int DIGITS = 6;

	static final String HMAC_SHA1 = "HmacSHA1";

	private static final int[] POWERS = { 1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000 };

	private Totp() {
	}

	/** The time step that {@code time} falls in. */
	static long step(Instant time) {
		return Math.floorDiv(time.getEpochSecond(), STEP_SECONDS);
	}

	/** The code an authenticator app shows during {@code step} for {@code secret}. */
	static String code(byte[] secret, long step) {
		return code(secret, step, DIGITS, HMAC_SHA1);
	}

	static String code(byte[] secret, long step, int digits, String hmac) {
		byte[] hash;
		try {
			Mac mac = Mac.getInstance(hmac);
			mac.init(new SecretKeySpec(secret, hmac));
			hash = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(step).array());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Every JDK has " + hmac, ex);
		}
		// Dynamic truncation (RFC 4226, section 5.3): four bytes at an offset the last nibble picks, sign bit cleared.
		int offset = hash[hash.length - 1] & 0x0f;
		int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16) | ((hash[offset + 2] & 0xff) << 8)
				| (hash[offset + 3] & 0xff);
		String code = Integer.toString(binary % POWERS[digits]);
		return "0".repeat(digits - code.length()) + code;
	}

	/** RFC 4648 base32 without padding, the form authenticator apps take secrets in. */
	static String base32(byte[] bytes) {
		String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
		StringBuilder out = new StringBuilder((bytes.length * 8 + 4) / 5);
		int buffer = 0;
		int bits = 0;
		for (byte b : bytes) {
			buffer = (buffer << 8) | (b & 0xff);
			bits += 8;
			while (bits >= 5) {
				out.append(alphabet.charAt((buffer >> (bits - 5)) & 0x1f));
				bits -= 5;
			}
		}
		if (bits > 0) {
			out.append(alphabet.charAt((buffer << (5 - bits)) & 0x1f));
		}
		return out.toString();
	}
}
