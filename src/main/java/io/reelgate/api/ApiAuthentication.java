package io.reelgate.api;

import java.util.ArrayList;
import java.util.List;

import io.reelgate.accounts.AccountPrincipal;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A request authenticated by a personal access token: the creator's role (which the services' method security
 * asks for) plus one {@code SCOPE_...} authority per scope of the token (which the URL rules ask for).
 */
class ApiAuthentication extends AbstractAuthenticationToken {

	private final ApiCaller caller;

	ApiAuthentication(ApiCaller caller) {
		super(authorities(caller));
		this.caller = caller;
		setAuthenticated(true);
	}

	private static List<GrantedAuthority> authorities(ApiCaller caller) {
		List<GrantedAuthority> authorities = new ArrayList<>(caller.principal().getAuthorities());
		caller.scopes().forEach(scope -> authorities.add(new SimpleGrantedAuthority(scope.authority())));
		return authorities;
	}

	@Override
	public AccountPrincipal getPrincipal() {
		return caller.principal();
	}

	/** The secret is not kept once the token is found. */
	@Override
	public Object getCredentials() {
		return "";
	}

	ApiCaller caller() {
		return caller;
	}
}
