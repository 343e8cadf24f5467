package io.reelgate.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

/**
 * How the site's security refuses tus requests (the resumable uploader's), instead of a redirect to the login page
 * or a bare 403 that a tus client cannot tell from "this upload is not yours": RFC 9457 problem JSON with
 * {@code Tus-Resumable}. A signed-out browser (expired session, logged out in another tab) gets 401 whatever the
 * method, also when its CSRF token went with the old session, so the page keeps the upload and asks to sign in and
 * resume; a signed-in request without a valid CSRF token gets a 403 that says so.
 */
class TusRefusals implements AuthenticationEntryPoint, AccessDeniedHandler {

	static final String PATH = "/studio/uploads/**";

	/** The tus endpoint also takes personal access tokens (the API's chain): the challenge a client can answer. */
	private static final String CHALLENGE = "Bearer realm=\"reelgate\"";

	private final AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();

	private final MessageSource messages;

	private final JsonMapper json;

	TusRefusals(MessageSource messages, JsonMapper json) {
		this.messages = messages;
		this.json = json;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException authException) throws IOException {
		signedOut(request, response);
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response,
			AccessDeniedException accessDeniedException) throws IOException {
		if (!trust.isAuthenticated(SecurityContextHolder.getContext().getAuthentication())) {
			// The CSRF check runs before authorization: a signed-out PATCH fails it first, its token being stale.
			signedOut(request, response);
		}
		else if (accessDeniedException instanceof CsrfException) {
			write(request, response, HttpStatus.FORBIDDEN, "tus.csrf");
		}
		else {
			write(request, response, HttpStatus.FORBIDDEN, "tus.creatorsOnly");
		}
	}

	private void signedOut(HttpServletRequest request, HttpServletResponse response) throws IOException {
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
		write(request, response, HttpStatus.UNAUTHORIZED, "tus.signedOut");
	}

	private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code)
			throws IOException {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("title", status.getReasonPhrase());
		body.put("status", status.value());
		body.put("detail", messages.getMessage(code, null, code, LocaleContextHolder.getLocale()));
		body.put("instance", request.getRequestURI());
		response.setStatus(status.value());
		response.setHeader("Tus-Resumable", "1.0.0");
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		json.writeValue(response.getOutputStream(), body);
	}
}
