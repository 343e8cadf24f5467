package io.reelgate.library;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HMAC-SHA256 signatures (43 URL-safe characters) under the secret every instance shares, for {@link DownloadLinks}:
 * the configured {@code reelgate.downloads.links.secret}, or else one generated once into the secret file.
 */
class LinkSigner {

	private static final Logger LOG = LoggerFactory.getLogger(LinkSigner.class);

	private static final String ALGORITHM = "HmacSHA256";

	/** The length of every signature: 32 bytes, Base64 URL-safe without padding. */
	static final int SIGNATURE_CHARS = 43;

	/**
	 * Initialized once and cloned for each signature: {@code Mac.getInstance} looks the provider up and
	 * {@code init} derives the key's pads every time, which showed in the tracker's profile (every announce checks
	 * a passkey), while a clone copies the initialized state.
	 */
	private final Mac prototype;

	private final SecretKeySpec key;

	LinkSigner(DownloadLinkProperties properties) {
		this.key = new SecretKeySpec(secret(properties), ALGORITHM);
		this.prototype = initialized(key);
	}

	String sign(String text) {
		byte[] digest = mac().doFinal(text.getBytes(StandardCharsets.UTF_8));
		return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
	}

	/** Whether {@code signature} is the {@code expected} one, compared in constant time. */
	static boolean same(String expected, String signature) {
		return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
				signature.getBytes(StandardCharsets.US_ASCII));
	}

	private Mac mac() {
		try {
			return (Mac) prototype.clone();
		}
		catch (CloneNotSupportedException ex) {
			return initialized(key); // a security provider whose Mac cannot be cloned
		}
	}

	private static Mac initialized(SecretKeySpec key) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(key);
			return mac;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Every JDK has HmacSHA256", ex);
		}
	}

	private static byte[] secret(DownloadLinkProperties properties) {
		if (properties.secret() != null && !properties.secret().isBlank()) {
			return properties.secret().getBytes(StandardCharsets.UTF_8);
		}
		Path file = Path.of(properties.secretFile()).toAbsolutePath();
		try {
			if (!Files.exists(file)) {
				byte[] fresh = new byte[32];
				new SecureRandom().nextBytes(fresh);
				Files.createDirectories(file.getParent());
				Path temp = Files.createTempFile(file.getParent(), "download-link-secret", ".tmp");
				try {
					trySetOwnerOnly(temp);
					Files.writeString(temp, Base64.getEncoder().encodeToString(fresh));
					Files.move(temp, file);
					LOG.warn("Generated a download link secret in {}. Links signed by this instance work only on "
							+ "instances that read the same file; with several instances set "
							+ "reelgate.downloads.links.secret instead.", file);
				}
				catch (FileAlreadyExistsException ex) {
					// Another process made it first: use theirs.
				}
				finally {
					Files.deleteIfExists(temp);
				}
			}
			return Base64.getDecoder().decode(Files.readString(file).strip());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or create the download link secret " + file, ex);
		}
	}

	private static void trySetOwnerOnly(Path path) {
		try {
			Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
		}
		catch (UnsupportedOperationException | IOException ex) {
			LOG.debug("Cannot restrict permissions of {}", path, ex);
		}
	}
}
