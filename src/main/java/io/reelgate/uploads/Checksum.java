package io.reelgate.uploads;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * An {@code Upload-Checksum} header: {@code <algorithm> <base64 digest>}. tus 1.0's checksum extension requires
 * {@code sha1}; {@code sha256} is offered as well.
 */
public record Checksum(Algorithm algorithm, byte[] digest) {

	/** The algorithms offered, as {@code Tus-Checksum-Algorithm} lists them. */
	public static final String ALGORITHMS = Arrays.stream(Algorithm.values())
		.map(Algorithm::token)
		.collect(Collectors.joining(","));

	/** Parses the header; unsupported algorithms and malformed values are a 400. */
	public static Checksum parse(String header) {
		String[] parts = header.trim().split(" ");
		if (parts.length != 2) {
			throw new UploadException(400, "tus.checksum.malformed");
		}
		Algorithm algorithm = Arrays.stream(Algorithm.values())
			.filter(candidate -> candidate.token().equals(parts[0].toLowerCase(Locale.ROOT)))
			.findFirst()
			.orElseThrow(() -> new UploadException(400, "tus.checksum.unsupported", ALGORITHMS));
		try {
			byte[] digest = Base64.getDecoder().decode(parts[1]);
			if (digest.length != algorithm.length()) {
				throw new UploadException(400, "tus.checksum.malformed");
			}
			return new Checksum(algorithm, digest);
		}
		catch (IllegalArgumentException ex) {
			throw new UploadException(400, "tus.checksum.malformed");
		}
	}

	/** A digest of the chunk's bytes, to compare with {@link #matches}. */
	MessageDigest newDigest() {
		try {
			return MessageDigest.getInstance(algorithm.jdkName());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JDK has " + algorithm.jdkName(), ex);
		}
	}

	boolean matches(MessageDigest chunk) {
		return MessageDigest.isEqual(chunk.digest(), digest);
	}

	/** A checksum algorithm by its tus name (the IANA hash function textual name). */
	public enum Algorithm {

		SHA1("sha1", "SHA-1", 20), SHA256("sha256", "SHA-256", 32);

		private final String token;

		private final String jdkName;

		private final int length;

		Algorithm(String token, String jdkName, int length) {
			this.token = token;
			this.jdkName = jdkName;
			this.length = length;
		}

		public String token() {
			return token;
		}

		String jdkName() {
			return jdkName;
		}

		int length() {
			return length;
		}
	}
}
