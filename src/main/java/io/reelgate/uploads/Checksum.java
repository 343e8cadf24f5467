package io.reelgate.uploads;

import java.util.Base64;
import java.util.Locale;

/** An {@code Upload-Checksum} header: {@code sha256 <base64 digest>}, the only algorithm offered. */
public record Checksum(byte[] sha256) {

	public static final String ALGORITHM = "sha256";

	/** Parses the header; unsupported algorithms and malformed values are a 400. */
	public static Checksum parse(String header) {
		String[] parts = header.trim().split(" ");
		if (parts.length != 2) {
			throw new UploadException(400, "tus.checksum.malformed");
		}
		if (!ALGORITHM.equals(parts[0].toLowerCase(Locale.ROOT))) {
			throw new UploadException(400, "tus.checksum.unsupported");
		}
		try {
			byte[] digest = Base64.getDecoder().decode(parts[1]);
			if (digest.length != 32) {
				throw new UploadException(400, "tus.checksum.malformed");
			}
			return new Checksum(digest);
		}
		catch (IllegalArgumentException ex) {
			throw new UploadException(400, "tus.checksum.malformed");
		}
	}
}
