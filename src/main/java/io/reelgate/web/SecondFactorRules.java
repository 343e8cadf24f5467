package io.reelgate.web;

import java.io.IOException;
import java.net.URI;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.accounts.LoginTargets;
import io.reelgate.accounts.SecondFactorStatus;
import io.reelgate.accounts.SecondFactors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagerFactories;
import org.springframework.security.authorization.AuthorizationManagerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.DelegatingMissingAuthorityAccessDeniedHandler;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;

/**
 * Two-factor sign-in in the URL rules, through Spring Security's multi-factor support: every rule that needs a
 * signed-in person ({@code authenticated()}, {@code hasRole}) also needs {@link SecondFactors#FACTOR_AUTHORITY} from a
 * session whose account demands a second factor ({@link SecondFactorStatus}, on its principal); pages open to
 * everyone are unaffected. A session without it is sent to type a code ({@link #CODE_PAGE}), or to set up an
 * authenticator (or a passkey) when the operator requires one and there is none yet ({@link #SETUP_PAGE}); those pages
 * need only the password ({@link #PASSWORD_ONLY}), and so does making that passkey ({@link #enrollingOr}). The request
 * that was refused is saved and resumed after the code.
 */
@Configuration(proxyBeanMethods = false)
class SecondFactorRules {

	static final String CODE_PAGE = "/login/second-factor";

	static final String SETUP_PAGE = "/account/two-factor/setup";

	/** Where a session whose password was typed too long ago for a dangerous action types it again. */
	static final String PASSWORD_PAGE = "/login/confirm-password";

	/** Where a session that set up a passkey instead of an authenticator app goes on from. */
	static final String PASSKEY_SETUP_PAGE = SETUP_PAGE + "/passkey";

	static final String[] PASSWORD_ONLY = { CODE_PAGE, SETUP_PAGE, PASSKEY_SETUP_PAGE, PASSWORD_PAGE };

	/** Where Spring Security's passkey registration ceremony sends the new credential. */
	static final String PASSKEY_REGISTRATION = "/webauthn/register";

	@Bean
	AuthorizationManagerFactory<RequestAuthorizationContext> secondFactorAuthorization() {
		return AuthorizationManagerFactories.<RequestAuthorizationContext>multiFactor()
			.requireFactors(SecondFactors.FACTOR_AUTHORITY)
			.when(SecondFactorRules::demandsSecondFactor)
			.build();
	}

	/** Sends a session that lacks the second factor on to get it; other refusals go to {@code otherwise}. */
	static AccessDeniedHandler deniedHandler(AccessDeniedHandler otherwise) {
		DelegatingMissingAuthorityAccessDeniedHandler handler = DelegatingMissingAuthorityAccessDeniedHandler.builder()
			.addEntryPointFor((request, response, ex) -> {
				returnToForm(request);
				sendOn(request, response);
			}, SecondFactors.FACTOR_AUTHORITY)
			.addEntryPointFor((request, response, ex) -> {
				returnToForm(request);
				response.sendRedirect(request.getContextPath() + PASSWORD_PAGE);
			}, FactorGrantedAuthority.PASSWORD_AUTHORITY)
			.build();
		handler.setDefaultAccessDeniedHandler(otherwise);
		// Only a page can be gone back to after the code; a refused form post is not replayed.
		HttpSessionRequestCache pages = new HttpSessionRequestCache();
		pages.setRequestMatcher(request -> HttpMethod.GET.matches(request.getMethod()));
		handler.setRequestCache(pages);
		return handler;
	}

	/**
	 * A form post refused for want of a fresh factor (a step-up, {@link StepUpRules}) is not replayed: afterwards the
	 * visitor goes back to the page the form was on, to send it again.
	 */
	private static void returnToForm(HttpServletRequest request) {
		if (HttpMethod.GET.matches(request.getMethod())) {
			return;
		}
		@Nullable String referer = request.getHeader(HttpHeaders.REFERER);
		@Nullable String path = null;
		if (referer != null) {
			try {
				URI uri = URI.create(referer);
				path = uri.getRawPath() == null ? null
						: uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
			}
			catch (IllegalArgumentException ex) {
				path = null;
			}
		}
		@Nullable String target = LoginTargets.local(path);
		if (target != null) {
			request.getSession().setAttribute(LoginTargets.SESSION_ATTRIBUTE, target);
		}
	}

	/**
	 * A session sent to set up a second factor may make a passkey with the password alone; any other session is held
	 * to {@code otherwise}. Without this, an account that has a factor could add a passkey from a password-only session
	 * and sign in with it, past the factor.
	 */
	static AuthorizationManager<RequestAuthorizationContext> enrollingOr(
			AuthorizationManager<RequestAuthorizationContext> otherwise) {
		return (authentication, context) -> {
			Authentication who = authentication.get();
			return who != null && who.isAuthenticated() && who.getPrincipal() instanceof AccountPrincipal principal
					&& principal.secondFactor() == SecondFactorStatus.ENROLMENT_REQUIRED ? new AuthorizationDecision(true)
							: otherwise.authorize(authentication, context);
		};
	}

	/** Whether this session has still to show a second factor, straight after the password. */
	static boolean pending(Authentication authentication) {
		return demandsSecondFactor(authentication) && authentication.getAuthorities().stream()
			.noneMatch(authority -> SecondFactors.FACTOR_AUTHORITY.equals(authority.getAuthority()));
	}

	/** Redirects to the code page, or to setting up an authenticator where the account has none. */
	static void sendOn(HttpServletRequest request, HttpServletResponse response) throws IOException {
		@Nullable Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		boolean enrolled = authentication != null && authentication.getPrincipal() instanceof AccountPrincipal principal
				&& principal.secondFactor() == SecondFactorStatus.ENROLLED;
		response.sendRedirect(request.getContextPath() + (enrolled ? CODE_PAGE : SETUP_PAGE));
	}

	static boolean demandsSecondFactor(Authentication authentication) {
		return authentication.getPrincipal() instanceof AccountPrincipal principal
				&& principal.secondFactor() != SecondFactorStatus.NOT_REQUIRED;
	}
}
