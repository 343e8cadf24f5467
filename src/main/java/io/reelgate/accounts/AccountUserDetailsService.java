package io.reelgate.accounts;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Looks accounts up for the login form, and stores the new hash Spring Security makes on a successful login when the
 * stored one uses an older scheme (bcrypt before Argon2), so hashes move forward without a reset. The principal says
 * whether the session must show a second factor ({@link SecondFactorStatus}).
 */
@Service
@Transactional(readOnly = true)
class AccountUserDetailsService implements UserDetailsService, UserDetailsPasswordService {

	private final Accounts accounts;

	private final SecondFactors secondFactors;

	private final SecondFactorPolicy policy;

	AccountUserDetailsService(Accounts accounts, SecondFactors secondFactors, SecondFactorPolicy policy) {
		this.accounts = accounts;
		this.secondFactors = secondFactors;
		this.policy = policy;
	}

	@Override
	public UserDetails loadUserByUsername(String email) {
		return accounts.findByEmail(Account.normalizeEmail(email))
			.filter(account -> !account.isDeleted())
			.map(this::principal)
			.orElseThrow(() -> new UsernameNotFoundException("No account for that email"));
	}

	@Override
	@Transactional
	public UserDetails updatePassword(UserDetails user, String newPasswordHash) {
		Account account = accounts.findByEmail(Account.normalizeEmail(user.getUsername()))
			.orElseThrow(() -> new UsernameNotFoundException("No account for that email"));
		account.changePasswordHash(newPasswordHash);
		return principal(account);
	}

	private AccountPrincipal principal(Account account) {
		return account.toPrincipal(secondFactors.status(account.id(), account.role(), policy));
	}
}
