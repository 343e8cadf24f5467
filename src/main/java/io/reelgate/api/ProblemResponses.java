package io.reelgate.api;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

/**
 * RFC 9457 problem responses written by the security filters, before any controller runs: a missing or bad token
 * (401 with {@code WWW-Authenticate: Bearer}), a missing scope (403 naming it) and a spent rate limit (429).
 */
@Component
class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

	static final String REALM = "Bearer realm=\"reelgate\"";

	/** Set by the bearer filter when a request brought a token that is unknown, revoked or expired. */
	static final String INVALID_TOKEN = ProblemResponses.class.getName() + ".invalidToken";

	private final JsonMapper json;

	ProblemResponses(JsonMapper json) {
		this.json = json;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException authException) throws IOException {
		boolean invalid = request.getAttribute(INVALID_TOKEN) != null;
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE,
				invalid ? REALM + ", error=\"invalid_token\"" : REALM);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
				invalid ? "The token is unknown, revoked or expired, or its account may not use the API."
						: "Send a personal access token: Authorization: Bearer rg_pat_...");
		write(request, response, problem);
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response,
			AccessDeniedException accessDeniedException) throws IOException {
		ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.FORBIDDEN);
		if (accessDeniedException instanceof AuthorizationDeniedException denied
				&& denied.getAuthorizationResult() instanceof ScopeRules.MissingScope missing) {
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE,
					REALM + ", error=\"insufficient_scope\", scope=\"" + missing.scope().value() + "\"");
			problem.setDetail("This token lacks the scope " + missing.scope().value() + ".");
			problem.setProperty("missingScope", missing.scope().value());
		}
		else {
			problem.setDetail("This token may not do that.");
		}
		write(request, response, problem);
	}

	void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem) throws IOException {
		Map<String, Object> body = new LinkedHashMap<>();
		if (problem.getType() != null) {
			body.put("type", problem.getType().toString());
		}
		body.put("title", problem.getTitle());
		body.put("status", problem.getStatus());
		body.put("detail", problem.getDetail());
		body.put("instance", request.getRequestURI());
		if (problem.getProperties() != null) {
			body.putAll(problem.getProperties());
		}
		response.setStatus(problem.getStatus());
		if (request.getRequestURI().startsWith(request.getContextPath() + "/studio/uploads")) {
			// tus 1.0 puts this header on every response to its endpoint but OPTIONS, refusals included.
			response.setHeader("Tus-Resumable", "1.0.0");
		}
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		json.writeValue(response.getOutputStream(), body);
	}
}
