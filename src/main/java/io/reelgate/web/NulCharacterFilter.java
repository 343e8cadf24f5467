package io.reelgate.web;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, with a 400 and before anything reads it, a request whose query or form fields (names or values,
 * multipart text fields included) hold a NUL character. PostgreSQL cannot store U+0000 in text, so such a value
 * reached the database as a 500 from whichever field it was typed in (a search, a title, a code, a gift message, a
 * reason); no legitimate text contains it. JSON bodies are checked where they are read ({@link NulJsonStrings}),
 * paths by Tomcat, which refuses {@code %00} itself. Runs before Spring Security, so the login form is covered too.
 */
@Component
@Order(NulCharacterFilter.ORDER)
class NulCharacterFilter extends OncePerRequestFilter {

	/** After the character-encoding filter (so fields decode as UTF-8), before Spring Security's chain (-100). */
	static final int ORDER = -110;

	/**
	 * BitTorrent announces carry {@code info_hash} and {@code peer_id} as 20 raw bytes, percent-encoded, where
	 * {@code %00} is an ordinary byte; the tracker decodes its query itself, as bytes, and stores them as hex.
	 */
	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return request.getRequestURI().startsWith("/tracker/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (holdsNul(request.getParameterMap())) {
			refuse(request, response);
			return;
		}
		chain.doFilter(request, response);
	}

	private static boolean holdsNul(Map<String, String[]> parameters) {
		for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
			if (parameter.getKey().indexOf('\0') >= 0) {
				return true;
			}
			for (String value : parameter.getValue()) {
				if (value != null && value.indexOf('\0') >= 0) {
					return true;
				}
			}
		}
		return false;
	}

	/** The API answers RFC 9457 problem JSON; pages get the site's 400 page. */
	private static void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (request.getRequestURI().startsWith("/api/")) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
					+ "\"detail\":\"A field holds a NUL character, which no text may contain.\"}");
			return;
		}
		response.sendError(HttpStatus.BAD_REQUEST.value());
	}
}
