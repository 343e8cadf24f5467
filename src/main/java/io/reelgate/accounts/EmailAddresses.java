package io.reelgate.accounts;

import java.time.Clock;

import io.reelgate.accounts.AccountToken.Purpose;
import io.reelgate.accounts.LinkTokens.Checked;
import io.reelgate.shared.AccountId;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Confirming an account's address, and moving an account to another address. Until the address is confirmed a
 * creator cannot publish and nobody can start a checkout (the catalog and checkout ask
 * {@link AccountService#isEmailVerified}), so that receipts, resets and moderation mail reach a real person and
 * throw-away accounts cost a mailbox.
 */
@Service
@Transactional
public class EmailAddresses {

	private final Accounts accounts;

	private final AccountSessions sessions;

	private final LinkTokens tokens;

	private final PasswordEncoder passwordEncoder;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Passkeys passkeys;

	EmailAddresses(Accounts accounts, AccountSessions sessions, LinkTokens tokens, PasswordEncoder passwordEncoder,
			ApplicationEventPublisher events, Clock clock, Passkeys passkeys) {
		this.passkeys = passkeys;
		this.accounts = accounts;
		this.sessions = sessions;
		this.tokens = tokens;
		this.passwordEncoder = passwordEncoder;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Mails a new verification link (the older ones stop working); callers rate-limit it.
	 * @return false if the address is verified already, and nothing is sent
	 */
	@PreAuthorize("isAuthenticated()")
	public boolean resendVerification(AccountId id) {
		Account account = accounts.findById(id.value()).orElseThrow(AccountNotFoundException::new);
		if (account.isEmailVerified()) {
			return false;
		}
		events.publishEvent(new EmailVerificationRequested(account.id()));
		return true;
	}

	/** Follows a verification or address-change link; anyone holding it may, logged in or not. */
	public LinkOutcome confirm(@Nullable String token) {
		Checked checked = tokens.use(token, Purpose.VERIFY_EMAIL, Purpose.CHANGE_EMAIL);
		if (checked.token() == null) {
			return checked.problem() == LinkTokens.Problem.EXPIRED ? LinkOutcome.EXPIRED : LinkOutcome.INVALID;
		}
		AccountToken used = checked.token();
		Account account = accounts.findById(used.account().value()).filter(a -> !a.isDeleted()).orElse(null);
		if (account == null) {
			return LinkOutcome.INVALID;
		}
		if (used.purpose() == Purpose.VERIFY_EMAIL) {
			// A link sent to an address the account has since left proves nothing about the current one.
			if (!account.email().equals(used.email())) {
				return LinkOutcome.INVALID;
			}
			account.verifyEmail(clock.instant());
			return LinkOutcome.EMAIL_VERIFIED;
		}
		String newEmail = Account.normalizeEmail(used.email());
		if (accounts.existsByEmail(newEmail)) {
			return LinkOutcome.EMAIL_TAKEN;
		}
		String previous = account.email();
		account.changeEmail(newEmail, clock.instant());
		accounts.flush();
		// Passkeys find their account by its address (the WebAuthn user entity's name).
		passkeys.emailChanged(previous, newEmail);
		tokens.revoke(account.id(), Purpose.VERIFY_EMAIL);
		// Sessions are indexed by the address they logged in with, and hold it: they end, and the holder logs in
		// again with the new address.
		sessions.endAllSessions(previous);
		return LinkOutcome.EMAIL_CHANGED;
	}

	/** What asking to move to a new address did. */
	public enum ChangeRequest {
		/** A link went to the new address, and a notice to the current one. */
		SENT,
		WRONG_PASSWORD,
		/** Another account has that address. */
		TAKEN,
		/** It is the account's address already. */
		UNCHANGED
	}

	/**
	 * Asks to move the account to another address, after checking the password again. Nothing changes until the
	 * link mailed to the new address is followed; the current address is told, so a thief cannot move the account
	 * away unnoticed.
	 */
	@PreAuthorize("isAuthenticated()")
	public ChangeRequest requestChange(AccountId id, String currentPassword, String newEmail) {
		Account account = accounts.findById(id.value()).orElseThrow(AccountNotFoundException::new);
		if (!passwordEncoder.matches(currentPassword, account.passwordHash())) {
			return ChangeRequest.WRONG_PASSWORD;
		}
		String normalized = Account.normalizeEmail(newEmail);
		if (normalized.equals(account.email())) {
			return ChangeRequest.UNCHANGED;
		}
		if (accounts.existsByEmail(normalized)) {
			return ChangeRequest.TAKEN;
		}
		events.publishEvent(new EmailChangeRequested(account.id(), account.email(), normalized));
		return ChangeRequest.SENT;
	}
}
