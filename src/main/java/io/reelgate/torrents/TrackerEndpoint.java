package io.reelgate.torrents;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.HttpRequestHandler;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;

/**
 * The tracker's HTTP endpoints. The passkey is a path segment of the announce URL, and the scrape URL is the
 * announce URL with "announce" replaced by "scrape" (the BEP 48 convention clients follow). Every answer, refusals
 * included, is a bencoded dictionary with status 200, which is what clients read a failure reason from.
 * <p>
 * A plain {@link HttpRequestHandler} on a handler mapping of its own, looked at first, rather than a
 * {@code @RestController}: an announce is the app's most frequent request on release day, and the annotated
 * mapping's lookup (a path with a variable is matched against every mapping of the app) and its return-value
 * handling (message converters, content negotiation) were a quarter of an announce's CPU in the tracker profile.
 * The Spring Security chain and the servlet filters (request ids, metrics) run as for every request.
 */
@Component
class TrackerEndpoint implements HttpRequestHandler {

	private static final String PREFIX = "/tracker/";

	private final Tracker tracker;

	TrackerEndpoint(Tracker tracker) {
		this.tracker = tracker;
	}

	/** Ahead of the annotated controllers' mapping; any other path falls through to them after two pattern checks. */
	@Configuration(proxyBeanMethods = false)
	static class Mapping {

		@Bean
		SimpleUrlHandlerMapping trackerHandlerMapping(TrackerEndpoint endpoint) {
			return new SimpleUrlHandlerMapping(Map.of(PREFIX + "*/announce", endpoint, PREFIX + "*/scrape", endpoint),
					Ordered.HIGHEST_PRECEDENCE);
		}
	}

	@Override
	public void handleRequest(HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (!HttpMethod.GET.matches(request.getMethod()) && !HttpMethod.HEAD.matches(request.getMethod())) {
			response.setHeader(HttpHeaders.ALLOW, "GET, HEAD");
			response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
			return;
		}
		// The mapping's patterns leave "/tracker/{passkey}/announce" or ".../scrape", one segment each.
		String path = request.getRequestURI().substring(request.getContextPath().length() + PREFIX.length());
		int slash = path.indexOf('/');
		String passkey = path.substring(0, slash);
		byte[] body;
		try {
			body = path.endsWith("/announce")
					? tracker.announce(passkey, request.getQueryString(), request.getRemoteAddr())
					: tracker.scrape(passkey, request.getQueryString());
		}
		catch (TrackerFailure failure) {
			body = Bencode.encode(Map.of("failure reason", failure.getMessage()));
		}
		response.setContentType(MediaType.TEXT_PLAIN_VALUE);
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}
}
