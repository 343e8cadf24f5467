package io.reelgate.accounts.web;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.accounts.LoginTargets;
import io.reelgate.accounts.SecondFactorStatus;
import io.reelgate.accounts.SecondFactors;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Records in the session that its holder has just shown a second factor: the authentication keeps its password
 * factor and gains {@link SecondFactors#FACTOR_AUTHORITY}, stamped now (step-up checks read the stamp), and the
 * session gets a new id, as at any change of privilege.
 */
@Component
class SecondFactorSessions {

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	private final Clock clock;

	SecondFactorSessions(Clock clock) {
		this.clock = clock;
	}

	/** Adds a fresh second factor for {@code principal} (who may stand differently now, e.g. just enrolled). */
	void passed(AccountPrincipal principal, HttpServletRequest request, HttpServletResponse response) {
		Authentication current = SecurityContextHolder.getContext().getAuthentication();
		List<GrantedAuthority> authorities = new ArrayList<>(principal.getAuthorities());
		if (current != null) {
			current.getAuthorities().stream()
				.filter(FactorGrantedAuthority.class::isInstance)
				.filter(authority -> !SecondFactors.FACTOR_AUTHORITY.equals(authority.getAuthority()))
				.forEach(authorities::add);
		}
		authorities.add(FactorGrantedAuthority.withAuthority(SecondFactors.FACTOR_AUTHORITY).issuedAt(clock.instant())
			.build());
		request.changeSessionId();
		store(UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities), request, response);
	}

	/** Records that the password was just typed again: the password factor is stamped now. */
	void passwordConfirmed(AccountPrincipal principal, HttpServletRequest request, HttpServletResponse response) {
		Authentication current = SecurityContextHolder.getContext().getAuthentication();
		List<GrantedAuthority> authorities = new ArrayList<>(principal.getAuthorities());
		if (current != null) {
			current.getAuthorities().stream()
				.filter(FactorGrantedAuthority.class::isInstance)
				.filter(authority -> !FactorGrantedAuthority.PASSWORD_AUTHORITY.equals(authority.getAuthority()))
				.forEach(authorities::add);
		}
		authorities.add(FactorGrantedAuthority.withAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY)
			.issuedAt(clock.instant()).build());
		store(UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities), request, response);
	}

	/** Keeps the session's factors but records that the account no longer has an authenticator. */
	void removed(AccountPrincipal principal, SecondFactorStatus status, HttpServletRequest request,
			HttpServletResponse response) {
		Authentication current = SecurityContextHolder.getContext().getAuthentication();
		AccountPrincipal changed = principal.withSecondFactor(status);
		List<GrantedAuthority> authorities = new ArrayList<>(changed.getAuthorities());
		if (current != null) {
			current.getAuthorities().stream().filter(FactorGrantedAuthority.class::isInstance).forEach(authorities::add);
		}
		store(UsernamePasswordAuthenticationToken.authenticated(changed, null, authorities), request, response);
	}

	/**
	 * Goes on to the page that sent the visitor to log in ({@link LoginTargets}), or else the one that was asked for
	 * before the second factor, or the storefront.
	 */
	void continueTo(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
		HttpSession session = request.getSession();
		String next = LoginTargets.local((String) session.getAttribute(LoginTargets.SESSION_ATTRIBUTE));
		session.removeAttribute(LoginTargets.SESSION_ATTRIBUTE);
		if (next != null) {
			response.sendRedirect(request.getContextPath() + next);
			return;
		}
		new SavedRequestAwareAuthenticationSuccessHandler().onAuthenticationSuccess(request, response,
				SecurityContextHolder.getContext().getAuthentication());
	}

	private void store(Authentication authentication, HttpServletRequest request, HttpServletResponse response) {
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(authentication);
		SecurityContextHolder.setContext(context);
		contexts.saveContext(context, request, response);
	}
}
