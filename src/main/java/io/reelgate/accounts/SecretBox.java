package io.reelgate.accounts;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import io.reelgate.shared.AccountId;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Encrypts authenticator secrets with AES-256-GCM under the operator's key
 * ({@code reelgate.security.second-factor.encryption-key}), or, where none is set, a random key the first instance
 * keeps in {@code signing_keys}. Each ciphertext is a fresh 12-byte nonce followed by the sealed secret, and the
 * account's id is authenticated with it, so a row copied onto another account does not decrypt. A stored secret says
 * which key sealed it ({@link #CONFIG} or {@link #DATABASE}), so setting the operator key later keeps the older
 * secrets readable.
 */
@Component
class SecretBox {

	static final String CONFIG = "config";

	static final String DATABASE = "database";

	private static final Logger log = LoggerFactory.getLogger(SecretBox.class);

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private final @Nullable SecretKey configKey;

	private final @Nullable SecretKey databaseKey;

	SecretBox(SecondFactorProperties properties, JdbcClient jdbc) {
		this.configKey = properties.encryptionKey() == null ? null : aesKey(properties.encryptionKey());
		if (configKey == null) {
			log.warn("reelgate.security.second-factor.encryption-key is not set: authenticator secrets are encrypted "
					+ "with a key kept in the database, so a database backup alone reveals them");
			this.databaseKey = new SecretKeySpec(databaseKey(jdbc, true).orElseThrow(), "AES");
		}
		else {
			this.databaseKey = databaseKey(jdbc, false).map(bytes -> new SecretKeySpec(bytes, "AES")).orElse(null);
		}
	}

	/** A sealed secret and the key it was sealed with. */
	record Sealed(String keyId, byte[] ciphertext) {
	}

	Sealed seal(AccountId account, byte[] secret) {
		String keyId = configKey != null ? CONFIG : DATABASE;
		byte[] nonce = new byte[NONCE_BYTES];
		RANDOM.nextBytes(nonce);
		byte[] sealed = run(Cipher.ENCRYPT_MODE, key(keyId), nonce, account, secret);
		return new Sealed(keyId, ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array());
	}

	byte[] open(AccountId account, Sealed sealed) {
		byte[] all = sealed.ciphertext();
		byte[] nonce = Arrays.copyOf(all, NONCE_BYTES);
		byte[] body = Arrays.copyOfRange(all, NONCE_BYTES, all.length);
		return run(Cipher.DECRYPT_MODE, key(sealed.keyId()), nonce, account, body);
	}

	private SecretKey key(String keyId) {
		SecretKey key = CONFIG.equals(keyId) ? configKey : DATABASE.equals(keyId) ? databaseKey : null;
		if (key == null) {
			throw new IllegalStateException("The key '" + keyId + "' that sealed an authenticator secret is not "
					+ "available; was reelgate.security.second-factor.encryption-key removed or changed?");
		}
		return key;
	}

	private static byte[] run(int mode, SecretKey key, byte[] nonce, AccountId account, byte[] input) {
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
			cipher.updateAAD(uuidBytes(account.value()));
			return cipher.doFinal(input);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("An authenticator secret could not be " + (mode == Cipher.ENCRYPT_MODE
					? "encrypted" : "decrypted (wrong key, or the row was altered)"), ex);
		}
	}

	private static byte[] uuidBytes(UUID id) {
		return ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits()).array();
	}

	private static SecretKey aesKey(String base64) {
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(base64.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("reelgate.security.second-factor.encryption-key must be base64", ex);
		}
		if (bytes.length != 32) {
			throw new IllegalArgumentException("reelgate.security.second-factor.encryption-key must be 32 bytes "
					+ "(openssl rand -base64 32), not " + bytes.length);
		}
		return new SecretKeySpec(bytes, "AES");
	}

	private static Optional<byte[]> databaseKey(JdbcClient jdbc, boolean create) {
		if (create) {
			byte[] candidate = new byte[32];
			RANDOM.nextBytes(candidate);
			jdbc.sql("insert into signing_keys (purpose, secret) values ('totp-encryption', ?) on conflict do nothing")
				.param(candidate)
				.update();
		}
		return jdbc.sql("select secret from signing_keys where purpose = 'totp-encryption'").query(byte[].class)
			.optional();
	}
}
