package io.reelgate.web;

import java.io.IOException;

import io.reelgate.accounts.KnownDevices;
import io.reelgate.accounts.SignIns;
import io.reelgate.accounts.LoginTargets;
import io.reelgate.accounts.LoginThrottle;
import io.reelgate.ratelimit.RateLimitExceededException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.WebUtils;

/**
 * Stands in front of Spring Security's login processing: a login attempt over the {@link LoginThrottle}'s limits
 * gets a 429 with {@code Retry-After} and the password is not even checked. It sits after the CSRF filter, so a
 * forged login post costs nobody a token. {@link #failureHandler()} tells the throttle about each failure, and
 * {@link #successHandler()} gives the browser its {@link KnownDevices} cookie.
 */
final class LoginThrottleFilter extends OncePerRequestFilter {

	static final String LOGIN = "/login";

	private static final String USERNAME = "username";

	/** What passkey attempts count under in the throttle's per-address buckets, as no email is typed for them. */
	private static final String PASSKEY = "(passkey)";

	private final LoginThrottle throttle;

	private final KnownDevices devices;

	private final SignIns signIns;

	LoginThrottleFilter(LoginThrottle throttle, KnownDevices devices, SignIns signIns) {
		this.signIns = signIns;
		this.throttle = throttle;
		this.devices = devices;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (isLoginAttempt(request) || isPasskeyAttempt(request)) {
			try {
				if (isPasskeyAttempt(request)) {
					// No email is typed: only the address's limits apply (an account's would let anyone lock it).
					throttle.admit(PASSKEY, request.getRemoteAddr(), true);
				}
				else {
					throttle.admit(request.getParameter(USERNAME), request.getRemoteAddr(), knownDevice(request));
				}
			}
			catch (RateLimitExceededException ex) {
				long seconds = ex.retryAfter().toSeconds();
				response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
				// The error page (templates/error/429.html) reads it to say how long to wait.
				request.setAttribute("retryAfterMinutes", (seconds + 59) / 60);
				response.sendError(HttpStatus.TOO_MANY_REQUESTS.value());
				return;
			}
		}
		chain.doFilter(request, response);
	}

	/** Counts the failure, then shows the login form again with its usual message. */
	AuthenticationFailureHandler failureHandler() {
		SimpleUrlAuthenticationFailureHandler loginAgain = new SimpleUrlAuthenticationFailureHandler(LOGIN + "?error");
		return (HttpServletRequest request, HttpServletResponse response, AuthenticationException exception) -> {
			throttle.failed(request.getParameter(USERNAME), request.getRemoteAddr(), knownDevice(request));
			loginAgain.onAuthenticationFailure(request, response, exception);
		};
	}

	/**
	 * Marks the browser as one this account signed in on (renewing the mark), then goes back to the page that sent the
	 * visitor ({@link LoginTargets}) or where login would go, or first to the second factor where the account
	 * demands one.
	 */
	AuthenticationSuccessHandler successHandler() {
		SavedRequestAwareAuthenticationSuccessHandler onwards = new SavedRequestAwareAuthenticationSuccessHandler();
		return (HttpServletRequest request, HttpServletResponse response, Authentication authentication) -> {
			String email = request.getParameter(USERNAME);
			if (email != null) {
				signedIn(email, request, response);
			}
			@Nullable String next = LoginTargets.local(request.getParameter(LoginTargets.PARAMETER));
			if (SecondFactorRules.pending(authentication)) {
				// The page that sent the visitor (or the one asked for, saved) is where the code page goes on to.
				if (next != null) {
					request.getSession().setAttribute(LoginTargets.SESSION_ATTRIBUTE, next);
				}
				SecondFactorRules.sendOn(request, response);
				return;
			}
			if (next != null) {
				response.sendRedirect(request.getContextPath() + next);
				return;
			}
			onwards.onAuthenticationSuccess(request, response, authentication);
		};
	}

	/** A sign-in alert unless the browser is known to the account, then (again) the mark that makes it known. */
	void signedIn(String email, HttpServletRequest request, HttpServletResponse response) {
		Cookie known = WebUtils.getCookie(request, KnownDevices.COOKIE);
		signIns.signedIn(email, devices.recognises(known == null ? null : known.getValue(), email),
				request.getRemoteAddr());
		ResponseCookie cookie = ResponseCookie.from(KnownDevices.COOKIE, devices.issue(email))
			.httpOnly(true)
			.secure(request.isSecure())
			.sameSite("Lax")
			.path("/")
			.maxAge(devices.maxAgeSeconds())
			.build();
		response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
	}

	/** After a passkey assertion that was refused: counted for the address. */
	void passkeyFailed(HttpServletRequest request) {
		throttle.failed(PASSKEY, request.getRemoteAddr(), true);
	}

	private boolean knownDevice(HttpServletRequest request) {
		Cookie cookie = WebUtils.getCookie(request, KnownDevices.COOKIE);
		@Nullable String value = cookie == null ? null : cookie.getValue();
		return devices.recognises(value, request.getParameter(USERNAME));
	}

	private static boolean isLoginAttempt(HttpServletRequest request) {
		return HttpMethod.POST.matches(request.getMethod())
				&& (request.getContextPath() + LOGIN).equals(request.getRequestURI());
	}

	private static boolean isPasskeyAttempt(HttpServletRequest request) {
		return HttpMethod.POST.matches(request.getMethod())
				&& (request.getContextPath() + PasskeySignIn.PATH).equals(request.getRequestURI());
	}
}
