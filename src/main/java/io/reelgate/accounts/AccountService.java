package io.reelgate.accounts;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import io.reelgate.shared.AccountId;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Limit;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opens accounts and answers who an account is. */
@Service
@Transactional
public class AccountService {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final Accounts accounts;

	private final PasswordEncoder passwordEncoder;

	private final Clock clock;

	private final AccountSessions sessions;

	private final ApplicationEventPublisher events;

	private final LinkTokens tokens;

	private final SecondFactors secondFactors;

	private final SecurityEvents securityEvents;

	AccountService(Accounts accounts, PasswordEncoder passwordEncoder, Clock clock,
			AccountSessions sessions, ApplicationEventPublisher events,
			LinkTokens tokens, SecondFactors secondFactors, SecurityEvents securityEvents) {
		this.securityEvents = securityEvents;
		this.tokens = tokens;
		this.secondFactors = secondFactors;
		this.accounts = accounts;
		this.sessions = sessions;
		this.passwordEncoder = passwordEncoder;
		this.clock = clock;
		this.events = events;
	}

	/** Opens an account whose address is not verified yet, and has a verification link mailed to it. */
	public AccountId signUp(SignUp signUp) {
		Account account = create(signUp.email(), signUp.displayName(), signUp.password(), signUp.role());
		events.publishEvent(new EmailVerificationRequested(account.id()));
		return account.id();
	}

	/**
	 * Creates an account of any role, its address taken as verified, for operator tooling (first admin, demo data);
	 * people sign up through {@link #signUp}, which never makes admins.
	 */
	public AccountId register(String email, String displayName, String password, Role role) {
		Account account = create(email, displayName, password, role);
		account.verifyEmail(clock.instant());
		return account.id();
	}

	/** Creates the first admin from operator configuration; a no-op when any admin exists already. */
	boolean createAdminIfNone(String email, String displayName, String password) {
		if (accounts.existsByRole(Role.ADMIN)) {
			return false;
		}
		register(email, displayName, password, Role.ADMIN);
		return true;
	}

	@Transactional(readOnly = true)
	public Optional<AccountView> find(AccountId id) {
		return accounts.findById(id.value()).map(AccountService::view);
	}

	@Transactional(readOnly = true)
	public Optional<AccountView> findByEmail(String email) {
		return accounts.findByEmail(Account.normalizeEmail(email)).map(AccountService::view);
	}

	/**
	 * Suspends, bans or restores a creator. Callers take their bundles out of the storefront (or put them back)
	 * and write the audit trail in the same transaction.
	 */
	@PreAuthorize("hasRole('ADMIN')")
	public AccountView changeStatus(AccountId id, AccountStatus status, String reason) {
		Account account = accounts.findById(id.value()).orElseThrow(AccountNotFoundException::new);
		account.changeStatus(status, reason, clock.instant());
		return view(account);
	}

	/**
	 * Makes a viewer an admin. Their sessions end, so that they log in again with the new role.
	 * @throws IllegalStateException if the account is not a viewer
	 */
	@PreAuthorize("hasRole('ADMIN')")
	public AccountView grantAdmin(AccountId id) {
		Account account = accounts.findById(id.value()).orElseThrow(AccountNotFoundException::new);
		account.grantAdmin();
		endSessionsOf(account);
		return view(account);
	}

	/**
	 * Makes an admin a viewer again and ends their sessions, so the role is gone at once, not at their next login.
	 * @throws LastAdminException if no other admin would remain
	 */
	@PreAuthorize("hasRole('ADMIN')")
	public AccountView revokeAdmin(AccountId id) {
		List<Account> admins = accounts.lockAdmins();
		Account account = admins.stream().filter(a -> a.id().equals(id)).findFirst()
			.orElseThrow(() -> new IllegalStateException("Not an admin"));
		if (admins.size() <= 1) {
			throw new LastAdminException();
		}
		account.revokeAdmin();
		endSessionsOf(account);
		return view(account);
	}

	/**
	 * Changes the password after checking the current one, and ends every other session of the account (a thief
	 * logged in elsewhere is out); the session that made the change stays.
	 * @return whether the current password was right; nothing changes if it was not
	 */
	public boolean changePassword(AccountId id, String currentPassword, String newPassword, String keepSessionId,
			@Nullable String clientAddress) {
		Account account = accounts.findById(id.value()).orElseThrow(AccountNotFoundException::new);
		if (!passwordEncoder.matches(currentPassword, account.passwordHash())) {
			return false;
		}
		account.changePasswordHash(passwordEncoder.encode(newPassword));
		// A thief who asked to move the account to their own address loses that link with the password.
		tokens.revoke(account.id(), AccountToken.Purpose.CHANGE_EMAIL);
		sessions.endOtherSessions(account.email(), keepSessionId);
		securityEvents.record(account.id(), SecurityEvent.Kind.PASSWORD_CHANGED, clientAddress);
		return true;
	}

	/** Whether {@code password} is the account's, for asking a signed-in person to type it again. */
	@Transactional(readOnly = true)
	public boolean checkPassword(AccountId id, String password) {
		return accounts.findById(id.value()).filter(account -> !account.isDeleted())
			.map(account -> passwordEncoder.matches(password, account.passwordHash()))
			.orElse(false);
	}

	private void endSessionsOf(Account account) {
		sessions.endAllSessions(account.email());
	}

	/** What asking to delete an account did. */
	public enum Deletion {
		DELETED, WRONG_PASSWORD,
		/** The account is the only admin: the site would be left without one. */
		LAST_ADMIN
	}

	/**
	 * Deletes the account after checking its password again. The row stays, anonymised (see {@link Account#delete}),
	 * because orders, the ledger and the audit log refer to it; every session ends and every mailed link stops
	 * working. Other modules clean up their own data on {@link AccountDeleted}.
	 */
	public Deletion delete(AccountId id, String password) {
		Account account = accounts.findById(id.value()).filter(a -> !a.isDeleted())
			.orElseThrow(AccountNotFoundException::new);
		if (!passwordEncoder.matches(password, account.passwordHash())) {
			return Deletion.WRONG_PASSWORD;
		}
		if (account.role() == Role.ADMIN && accounts.lockAdmins().size() <= 1) {
			return Deletion.LAST_ADMIN;
		}
		sessions.endAllSessions(account.email());
		tokens.deleteAll(account.id());
		secondFactors.forget(account.id());
		byte[] secret = new byte[32];
		RANDOM.nextBytes(secret);
		account.delete(passwordEncoder.encode(HexFormat.of().formatHex(secret)), clock.instant());
		events.publishEvent(new AccountDeleted(account.id(), account.role()));
		return Deletion.DELETED;
	}

	/** Whether the account's address is confirmed; unknown accounts are not. */
	@Transactional(readOnly = true)
	public boolean isEmailVerified(AccountId id) {
		return accounts.findById(id.value()).map(Account::isEmailVerified).orElse(false);
	}

	@PreAuthorize("hasRole('ADMIN')")
	@Transactional(readOnly = true)
	public AccountCounts counts() {
		return new AccountCounts(accounts.count(), accounts.countByRole(Role.VIEWER), accounts.countByRole(Role.CREATOR),
				accounts.countByRole(Role.ADMIN), accounts.countByStatusNot(AccountStatus.ACTIVE));
	}

	/** Whether the account may act as usual: not suspended or banned (unknown accounts are not). */
	@Transactional(readOnly = true)
	public boolean isActive(AccountId id) {
		return accounts.findById(id.value()).map(a -> a.status() == AccountStatus.ACTIVE && !a.isDeleted())
			.orElse(false);
	}

	/** Accounts whose email or display name contains the text, newest first; at most {@code max}. */
	@PreAuthorize("hasRole('ADMIN')")
	@Transactional(readOnly = true)
	public List<AccountView> search(String text, int max) {
		String escaped = text.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
			.replace("_", "\\_");
		return accounts.search("%" + escaped + "%", Limit.of(max)).stream().map(AccountService::view).toList();
	}

	/** Display names of many accounts in one query, for lists that show who made what. */
	@Transactional(readOnly = true)
	public Map<AccountId, String> displayNames(Collection<AccountId> ids) {
		return accounts.findAllById(ids.stream().map(AccountId::value).distinct().toList())
			.stream()
			.collect(Collectors.toMap(Account::id, Account::displayName, (a, b) -> a));
	}

	/** Email addresses of many accounts in one query, for admins' lists of who did what. */
	@Transactional(readOnly = true)
	public Map<AccountId, String> emails(Collection<AccountId> ids) {
		return accounts.findAllById(ids.stream().map(AccountId::value).distinct().toList())
			.stream()
			.collect(Collectors.toMap(Account::id, Account::email, (a, b) -> a));
	}

	private Account create(String email, String displayName, String password, Role role) {
		String normalized = Account.normalizeEmail(email);
		if (accounts.existsByEmail(normalized)) {
			throw new EmailAlreadyUsedException();
		}
		Account account = new Account(normalized, displayName, passwordEncoder.encode(password), role, clock.instant());
		try {
			// The id is assigned up front, so Spring Data merges: the managed copy is the one to change further.
			account = accounts.saveAndFlush(account);
		}
		catch (DataIntegrityViolationException ex) {
			// Two sign-ups with the same email raced past the check above; the unique index decided.
			throw new EmailAlreadyUsedException();
		}
		return account;
	}

	private static AccountView view(Account account) {
		return new AccountView(account.id(), account.email(), account.displayName(), account.role(), account.status(),
				account.statusReason(), account.isDeleted());
	}
}
