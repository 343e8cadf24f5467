package io.reelgate.accounts;

import java.time.Clock;

import io.reelgate.accounts.AccountToken.Purpose;
import io.reelgate.accounts.LinkTokens.Checked;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Forgot your password?": a single-use link, valid for an hour by default, mailed to the account's address. The
 * answer to a request is the same whether or not an account has that address; callers rate-limit requests per
 * client address and per email address.
 */
@Service
@Transactional
public class PasswordReset {

	private final Accounts accounts;

	private final AccountSessions sessions;

	private final LinkTokens tokens;

	private final PasswordEncoder passwordEncoder;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	PasswordReset(Accounts accounts, AccountSessions sessions, LinkTokens tokens, PasswordEncoder passwordEncoder,
			ApplicationEventPublisher events, Clock clock) {
		this.accounts = accounts;
		this.sessions = sessions;
		this.tokens = tokens;
		this.passwordEncoder = passwordEncoder;
		this.events = events;
		this.clock = clock;
	}

	/** Has a link mailed if an account has the address; says nothing either way. */
	public void request(String email) {
		accounts.findByEmail(Account.normalizeEmail(email))
			.filter(account -> !account.isDeleted())
			.ifPresent(account -> events.publishEvent(new PasswordResetRequested(account.id())));
	}

	/** Whether the link would be accepted now, without using it: {@code null} if so, else why not. */
	@Transactional(readOnly = true)
	public @Nullable LinkOutcome check(@Nullable String token) {
		Checked checked = tokens.check(token, Purpose.RESET_PASSWORD);
		return checked.token() != null ? null : outcomeOf(checked);
	}

	/**
	 * Sets the new password if the link is good, and logs the account out everywhere: whoever knew the old password
	 * is out. Following the link also proves the address, so it counts as verified.
	 */
	public LinkOutcome reset(@Nullable String token, String newPassword) {
		Checked checked = tokens.use(token, Purpose.RESET_PASSWORD);
		if (checked.token() == null) {
			return outcomeOf(checked);
		}
		Account account = accounts.findById(checked.token().account().value()).filter(a -> !a.isDeleted())
			.orElse(null);
		if (account == null) {
			return LinkOutcome.INVALID;
		}
		account.changePasswordHash(passwordEncoder.encode(newPassword));
		account.verifyEmail(clock.instant());
		tokens.revoke(account.id(), Purpose.RESET_PASSWORD);
		tokens.revoke(account.id(), Purpose.CHANGE_EMAIL);
		sessions.endAllSessions(account.email());
		return LinkOutcome.PASSWORD_RESET;
	}

	private static LinkOutcome outcomeOf(Checked checked) {
		return checked.problem() == LinkTokens.Problem.EXPIRED ? LinkOutcome.EXPIRED : LinkOutcome.INVALID;
	}
}
