package io.reelgate.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.reelgate.accounts.AccountToken.Purpose;
import io.reelgate.shared.AccountId;
import io.reelgate.shared.MailedTokens;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.jspecify.annotations.Nullable;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The secrets in links mailed to account holders (verify an address, reset a password, confirm a new address).
 * <p>
 * A link carries 256 random bits; the database keeps only their SHA-256, its purpose, its expiry and whether it was
 * used. That was chosen over HMAC-signed links (as the download links are) because these links must be
 * <em>single-use</em> and revocable (a newer link, a completed reset or a deleted account ends the older ones), which
 * needs a row per link anyway; with the row there, a signing key would only be one more secret that every instance
 * must share. Hashing keeps a leaked backup or a support query from yielding working links, and a plain SHA-256 is
 * enough because the token is random, not guessable like a password.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
class LinkTokens {

	/** Base64url of 32 bytes; anything else is not one of our tokens and is refused without a database lookup. */
	private static final int TOKEN_LENGTH = MailedTokens.LENGTH;

	/** Used and expired links are kept this long (for support questions), then deleted. */
	private static final Duration KEEP = Duration.ofDays(7);

	private final AccountTokens tokens;

	private final AccountLinkProperties properties;

	private final Clock clock;

	LinkTokens(AccountTokens tokens, AccountLinkProperties properties, Clock clock) {
		this.tokens = tokens;
		this.properties = properties;
		this.clock = clock;
	}

	/** Why a link was not accepted. */
	enum Problem {
		/** Forged, mistyped, already used or superseded: the same answer for each, so nothing is revealed. */
		INVALID,
		/** Genuine but too old: the holder should ask for a new one. */
		EXPIRED
	}

	/** A link's token, checked; exactly one of the two is set. */
	record Checked(@Nullable AccountToken token, @Nullable Problem problem) {
	}

	/**
	 * Makes a new link, ending the account's earlier unused ones for the same purpose.
	 * @return the token to put in the link; it is not stored and cannot be recovered
	 */
	String issue(AccountId account, Purpose purpose, @Nullable String email) {
		Instant now = clock.instant();
		tokens.revoke(account.value(), purpose, now);
		String token = MailedTokens.newToken();
		tokens.save(new AccountToken(hash(token), account, purpose, email, now, now.plus(properties.lifetime(purpose))));
		return token;
	}

	/** Whether the token would be accepted now, without using it (to show a form, say). */
	Checked check(@Nullable String token, Purpose purpose) {
		return find(token, purpose, false);
	}

	/** Checks the token and marks it used; a used token is never accepted again. */
	Checked use(@Nullable String token, Purpose... purposes) {
		for (Purpose purpose : purposes) {
			Checked checked = find(token, purpose, true);
			if (checked.token() != null) {
				checked.token().use(clock.instant());
				return checked;
			}
			if (checked.problem() == Problem.EXPIRED) {
				return checked;
			}
		}
		return new Checked(null, Problem.INVALID);
	}

	/** Ends every unused link of the account for the purpose. */
	void revoke(AccountId account, Purpose purpose) {
		tokens.revoke(account.value(), purpose, clock.instant());
	}

	void deleteAll(AccountId account) {
		tokens.deleteByAccount(account.value());
	}

	private Checked find(@Nullable String token, Purpose purpose, boolean forUpdate) {
		if (token == null || token.length() != TOKEN_LENGTH) {
			return new Checked(null, Problem.INVALID);
		}
		String hash = hash(token);
		Optional<AccountToken> found = forUpdate ? tokens.findForUpdate(hash) : tokens.findById(hash);
		AccountToken stored = found.filter(t -> t.purpose() == purpose && !t.isUsed()).orElse(null);
		if (stored == null) {
			return new Checked(null, Problem.INVALID);
		}
		if (stored.isExpired(clock.instant())) {
			return new Checked(null, Problem.EXPIRED);
		}
		return new Checked(stored, null);
	}

	@Scheduled(initialDelayString = "PT2M", fixedDelayString = "PT6H")
	@SchedulerLock(name = "account-token-cleanup")
	@Transactional(propagation = Propagation.REQUIRED)
	void deleteOldTokens() {
		tokens.deleteExpiredBefore(clock.instant().minus(KEEP));
	}

	static String hash(String token) {
		return MailedTokens.sha256(token);
	}
}
