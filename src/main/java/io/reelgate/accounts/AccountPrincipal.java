package io.reelgate.accounts;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import io.reelgate.shared.AccountId;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The logged-in person as Spring Security sees them; controllers take it with {@code @AuthenticationPrincipal}.
 * {@code secondFactor} is how the account stood when it signed in: whether the session must show a code.
 */
public record AccountPrincipal(AccountId accountId, String email, String displayName, String passwordHash, Role role,
		SecondFactorStatus secondFactor) implements UserDetails {

	/** A principal of whom no second factor is demanded (API callers, who show a token instead). */
	public AccountPrincipal(AccountId accountId, String email, String displayName, String passwordHash, Role role) {
		this(accountId, email, displayName, passwordHash, role, SecondFactorStatus.NOT_REQUIRED);
	}

	/** The same person, standing differently towards the second factor (after setting one up or removing it). */
	public AccountPrincipal withSecondFactor(SecondFactorStatus status) {
		return new AccountPrincipal(accountId, email, displayName, passwordHash, role, status);
	}

	public boolean isAdmin() {
		return role == Role.ADMIN;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		List<GrantedAuthority> authorities = new ArrayList<>(2);
		authorities.add(new SimpleGrantedAuthority(role.authority()));
		if (secondFactor.authority() != null) {
			authorities.add(new SimpleGrantedAuthority(secondFactor.authority()));
		}
		return authorities;
	}

	@Override
	public String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return email;
	}

	@Override
	public String toString() {
		return "AccountPrincipal[" + accountId + ", " + role + "]";
	}
}
