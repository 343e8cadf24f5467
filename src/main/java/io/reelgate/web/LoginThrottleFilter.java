package io.reelgate.web;

import java.io.IOException;

import io.reelgate.accounts.LoginThrottle;
import io.reelgate.ratelimit.RateLimitExceededException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Stands in front of Spring Security's login processing: a login attempt over the {@link LoginThrottle}'s limits
 * gets a 429 with {@code Retry-After} and the password is not even checked. It sits after the CSRF filter, so a
 * forged login post costs nobody a token. {@link #failureHandler()} tells the throttle about each failure.
 */
final class LoginThrottleFilter extends OncePerRequestFilter {

	static final String LOGIN = "/login";

	private final LoginThrottle throttle;

	LoginThrottleFilter(LoginThrottle throttle) {
		this.throttle = throttle;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (isLoginAttempt(request)) {
			try {
				throttle.admit(request.getParameter("username"), request.getRemoteAddr());
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
			throttle.failed(request.getParameter("username"), request.getRemoteAddr());
			loginAgain.onAuthenticationFailure(request, response, exception);
		};
	}

	private static boolean isLoginAttempt(HttpServletRequest request) {
		return HttpMethod.POST.matches(request.getMethod())
				&& (request.getContextPath() + LOGIN).equals(request.getRequestURI());
	}
}
