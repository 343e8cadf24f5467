package io.reelgate.accounts;

import java.util.Collection;
import java.util.List;

import io.reelgate.shared.AccountId;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The logged-in person as Spring Security sees them; controllers take it with {@code @AuthenticationPrincipal}. */
public record AccountPrincipal(AccountId accountId, String email, String displayName, String passwordHash, Role role)
		implements UserDetails {

	public boolean isAdmin() {
		return role == Role.ADMIN;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return List.of(new SimpleGrantedAuthority(role.authority()));
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
