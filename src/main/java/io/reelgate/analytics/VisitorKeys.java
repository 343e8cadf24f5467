package io.reelgate.analytics;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keys that recognise one visitor on one day and nothing more: SHA-256 of a random salt for the day, the thing seen
 * and the visitor (account, or address and browser). Every instance uses the same salt (the first to need it stores
 * it in PostgreSQL); salts are deleted after a day, so a key cannot later be traced back to an address by hashing
 * every possible one. Addresses themselves are never stored.
 */
@Component
class VisitorKeys {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	/** The current day's salt; read from the database once a day per instance. */
	private final AtomicReference<DaySalt> current = new AtomicReference<>();

	VisitorKeys(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	String key(LocalDate day, String subject, String visitor) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			sha.update(salt(day));
			sha.update((day + "|" + subject + "|" + visitor).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(sha.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Forgets salts before {@code keepFrom}; keys made with them can no longer be recomputed. */
	int deleteBefore(LocalDate keepFrom) {
		return jdbc.sql("delete from analytics_salts where day < ?").param(keepFrom).update();
	}

	private byte[] salt(LocalDate day) {
		DaySalt cached = current.get();
		if (cached != null && cached.day().equals(day)) {
			return cached.salt();
		}
		byte[] fresh = new byte[32];
		RANDOM.nextBytes(fresh);
		jdbc.sql("insert into analytics_salts (day, salt) values (?, ?) on conflict (day) do nothing")
			.params(day, fresh)
			.update();
		byte[] salt = jdbc.sql("select salt from analytics_salts where day = ?").param(day).query(byte[].class).single();
		current.set(new DaySalt(day, salt));
		return salt;
	}

	private record DaySalt(LocalDate day, byte[] salt) {
	}
}
