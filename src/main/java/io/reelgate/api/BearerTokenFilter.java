package io.reelgate.api;

import java.io.IOException;
import java.util.Optional;

import io.reelgate.ratelimit.RateLimitExceededException;
import io.reelgate.ratelimit.RateLimiter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer rg_pat_...} requests and counts them against their token's rate
 * limit. A request without a token goes on unauthenticated (the URL rules then answer 401 where one is needed); a
 * bad token is remembered so that the 401 says {@code error="invalid_token"}.
 */
class BearerTokenFilter extends OncePerRequestFilter {

	static final String BEARER = "Bearer ";

	private final ApiTokenService tokens;

	private final RateLimiter rateLimiter;

	private final ApiRateLimitProperties limits;

	private final ProblemResponses problems;

	private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

	BearerTokenFilter(ApiTokenService tokens, RateLimiter rateLimiter, ApiRateLimitProperties limits,
			ProblemResponses problems) {
		this.tokens = tokens;
		this.rateLimiter = rateLimiter;
		this.limits = limits;
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Optional<String> bearer = bearer(request);
		if (bearer.isEmpty()) {
			chain.doFilter(request, response);
			return;
		}
		Optional<ApiCaller> caller = tokens.authenticate(bearer.get());
		if (caller.isEmpty()) {
			request.setAttribute(ProblemResponses.INVALID_TOKEN, Boolean.TRUE);
			chain.doFilter(request, response);
			return;
		}
		try {
			rateLimiter.consume("api:token:" + caller.get().tokenId(), limits.perToken());
		}
		catch (RateLimitExceededException ex) {
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(ex.retryAfter().toSeconds()));
			problems.write(request, response, ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
					"This token has made too many requests; try again in " + ex.retryAfter().toSeconds() + "s."));
			return;
		}
		SecurityContext context = contexts.createEmptyContext();
		context.setAuthentication(new ApiAuthentication(caller.get()));
		contexts.setContext(context);
		try {
			chain.doFilter(request, response);
		}
		finally {
			contexts.clearContext();
		}
	}

	static Optional<String> bearer(HttpServletRequest request) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null || header.length() <= BEARER.length()
				|| !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			return Optional.empty();
		}
		return Optional.of(header.substring(BEARER.length()).trim());
	}
}
