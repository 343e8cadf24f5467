package io.reelgate.web;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.accounts.AccountService;
import io.reelgate.accounts.LoginTargets;
import io.reelgate.accounts.PasskeyRefusedException;
import io.reelgate.accounts.SecondFactors;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationFilter;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationProvider;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signing in with a passkey ({@code POST /login/webauthn}, Spring Security's {@link WebAuthnAuthenticationFilter}),
 * fitted to how sessions look here. Spring Security's provider checks the assertion and yields the WebAuthn user
 * entity; {@link #manager} makes of it the session every page expects: the account's {@link AccountPrincipal}, its
 * password factor kept when the passkey is the second factor after the password, and the second factor
 * ({@link SecondFactors#FACTOR_AUTHORITY}) stamped now, so the passkey satisfies the two-factor rules and step-up as
 * an authenticator code does. A passkey alone counts as both factors. Suspended and banned accounts are refused
 * (they keep the password, which shows them why). The answers are JSON for the page's script: where to go, or a
 * message to show. Failures count against the login throttle of the address ({@link LoginThrottleFilter}).
 */
final class PasskeySignIn {

	static final String PATH = "/login/webauthn";

	private static final Logger log = LoggerFactory.getLogger(PasskeySignIn.class);

	private final LoginThrottleFilter throttle;

	private final AccountService accounts;

	private final MessageSource messages;

	private final JsonMapper json;

	private final Clock clock;

	PasskeySignIn(LoginThrottleFilter throttle, AccountService accounts, MessageSource messages, JsonMapper json,
			Clock clock) {
		this.throttle = throttle;
		this.accounts = accounts;
		this.messages = messages;
		this.json = json;
		this.clock = clock;
	}

	/** Fits Spring Security's passkey sign-in filter with this sign-in's manager and handlers. */
	WebAuthnAuthenticationFilter configure(WebAuthnAuthenticationFilter filter, WebAuthnRelyingPartyOperations ceremonies,
			UserDetailsService users) {
		filter.setAuthenticationManager(manager(new WebAuthnAuthenticationProvider(ceremonies, users), users));
		filter.setAuthenticationSuccessHandler(successHandler());
		filter.setAuthenticationFailureHandler(failureHandler());
		return filter;
	}

	private AuthenticationManager manager(WebAuthnAuthenticationProvider passkeys, UserDetailsService users) {
		return request -> {
			Authentication passkey = passkeys.authenticate(request);
			if (!(users.loadUserByUsername(passkey.getName()) instanceof AccountPrincipal principal)) {
				throw new DisabledException("Not an account");
			}
			if (!accounts.isActive(principal.accountId())) {
				throw new DisabledException("Suspended or banned");
			}
			Instant now = clock.instant();
			List<GrantedAuthority> authorities = new ArrayList<>(principal.getAuthorities());
			Authentication current = SecurityContextHolder.getContext().getAuthentication();
			if (current != null && current.getPrincipal() instanceof AccountPrincipal me
					&& me.accountId().equals(principal.accountId())) {
				current.getAuthorities().stream()
					.filter(FactorGrantedAuthority.class::isInstance)
					.filter(a -> !SecondFactors.FACTOR_AUTHORITY.equals(a.getAuthority())
							&& !FactorGrantedAuthority.WEBAUTHN_AUTHORITY.equals(a.getAuthority()))
					.forEach(authorities::add);
			}
			authorities.add(FactorGrantedAuthority.withAuthority(FactorGrantedAuthority.WEBAUTHN_AUTHORITY)
				.issuedAt(now).build());
			authorities.add(FactorGrantedAuthority.withAuthority(SecondFactors.FACTOR_AUTHORITY).issuedAt(now).build());
			return UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities);
		};
	}

	/**
	 * A new session id (Spring Security's filter keeps the old one), the browser marked as known (a sign-in alert
	 * otherwise), then where to go: the page that sent the visitor, the one asked for before, or the storefront.
	 */
	private AuthenticationSuccessHandler successHandler() {
		HttpSessionRequestCache saved = new HttpSessionRequestCache();
		return (request, response, authentication) -> {
			request.changeSessionId();
			AccountPrincipal principal = (AccountPrincipal) authentication.getPrincipal();
			throttle.signedIn(principal.email(), request, response);
			@Nullable String next = LoginTargets.local(request.getParameter(LoginTargets.PARAMETER));
			if (next == null) {
				next = LoginTargets.local((String) request.getSession().getAttribute(LoginTargets.SESSION_ATTRIBUTE));
			}
			request.getSession().removeAttribute(LoginTargets.SESSION_ATTRIBUTE);
			String target = request.getContextPath() + (next != null ? next : "/");
			@Nullable SavedRequest asked = saved.getRequest(request, response);
			if (next == null && asked != null) {
				target = asked.getRedirectUrl();
				saved.removeRequest(request, response);
			}
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("authenticated", true);
			body.put("redirectUrl", target);
			write(response, HttpStatus.OK, body);
		};
	}

	private AuthenticationFailureHandler failureHandler() {
		return (HttpServletRequest request, HttpServletResponse response, AuthenticationException ex) -> {
			throttle.passkeyFailed(request);
			log.info("Passkey sign-in refused from {}: {}", request.getRemoteAddr(), ex.getMessage());
			String key = ex instanceof DisabledException ? "passkey.signIn.suspended" : "passkey.signIn.refused";
			write(response, HttpStatus.UNAUTHORIZED, Map.of("error", message(key)));
		};
	}

	/**
	 * Answers a passkey that could not be registered ({@link PasskeyRefusedException}, thrown inside Spring Security's
	 * registration filter) with a 400 and its message, instead of the 500 the exception would make.
	 */
	OncePerRequestFilter refusals() {
		return new OncePerRequestFilter() {
			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				try {
					chain.doFilter(request, response);
				}
				catch (PasskeyRefusedException ex) {
					refuse(response, ex);
				}
				catch (ServletException ex) {
					if (!(ex.getCause() instanceof PasskeyRefusedException refused)) {
						throw ex;
					}
					refuse(response, refused);
				}
			}
		};
	}

	private void refuse(HttpServletResponse response, PasskeyRefusedException ex) throws IOException {
		if (!response.isCommitted()) {
			write(response, HttpStatus.BAD_REQUEST, Map.of("error", message(ex.messageKey())));
		}
	}

	private String message(String key) {
		return messages.getMessage(key, null, LocaleContextHolder.getLocale());
	}

	private void write(HttpServletResponse response, HttpStatus status, Map<String, Object> body) throws IOException {
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		json.writeValue(response.getOutputStream(), body);
	}
}
