package io.reelgate.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import io.reelgate.accounts.SecondFactors.Check;
import io.reelgate.shared.AccountId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@value SecondFactors#RECOVERY_CODES} recovery codes that stand in for a lost authenticator, for
 * {@link SecondFactors} (in whose transactions they run): made all at once and shown once, kept only as SHA-256
 * hashes, each working once.
 */
@Component
class RecoveryCodes {

	private static final SecureRandom RANDOM = new SecureRandom();

	/** No 0/o, 1/l/i: codes are read off paper. 31 symbols, ten of them: about 50 random bits a code. */
	private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

	private final JdbcClient jdbc;

	private final Clock clock;

	RecoveryCodes(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Replaces the account's codes, used or not, with new ones, returned to be shown once. */
	List<String> renew(AccountId account) {
		drop(account);
		Timestamp now = Timestamp.from(clock.instant());
		List<String> codes = new ArrayList<>(SecondFactors.RECOVERY_CODES);
		for (int i = 0; i < SecondFactors.RECOVERY_CODES; i++) {
			StringBuilder code = new StringBuilder(11);
			for (int c = 0; c < 10; c++) {
				code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
			}
			code.insert(5, '-');
			jdbc.sql("insert into recovery_codes (account_id, code_hash, created_at) values (?, ?, ?)")
				.params(account.value(), sha256(SecondFactors.normalize(code.toString())), now).update();
			codes.add(code.toString());
		}
		return codes;
	}

	/** Spends {@code code} (normalized) if it is one of the account's unused codes. */
	Check spend(AccountId account, String code) {
		byte[] hash = sha256(code);
		int spent = jdbc.sql("""
				update recovery_codes set used_at = ? where account_id = ? and code_hash = ? and used_at is null""")
			.params(Timestamp.from(clock.instant()), account.value(), hash).update();
		if (spent == 1) {
			return Check.RECOVERY_CODE_USED;
		}
		boolean usedBefore = jdbc.sql("select count(*) from recovery_codes where account_id = ? and code_hash = ?")
			.params(account.value(), hash).query(Long.class).single() > 0;
		return usedBefore ? Check.REPLAYED : Check.WRONG;
	}

	int left(AccountId account) {
		return jdbc.sql("select count(*) from recovery_codes where account_id = ? and used_at is null")
			.param(account.value()).query(Integer.class).single();
	}

	void drop(AccountId account) {
		jdbc.sql("delete from recovery_codes where account_id = ?").param(account.value()).update();
	}

	private static byte[] sha256(String code) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JDK has SHA-256", ex);
		}
	}
}
