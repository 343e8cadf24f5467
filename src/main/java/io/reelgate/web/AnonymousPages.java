package io.reelgate.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

/**
 * This instance's own copy of the public pages anonymous visitors got, kept for
 * {@code reelgate.web.public-pages.app-cache} (a few seconds) so that a flood of visitors to the storefront, a
 * search or a creator page is answered from memory, as a shared cache in front would, when there is none. Only what
 * {@link PublicPageCaching} found public is kept: a 200 to a GET with no cookie and no credentials that made no
 * session, the same bytes for every such visitor of that URL in that language. The key is the whole URL (scheme,
 * host and port included, since canonical and Open Graph links are absolute) and {@code Accept-Language} (prices
 * and dates are formatted in it). It is safe across instances because it is short: a change reaches every instance's
 * visitors within the lifetime, which is far shorter than the {@code s-maxage} shared caches already hold a page
 * for. Pages that count each visit for the creator's analytics (bundle pages, embedded cards) say how
 * ({@link CountedVisits}), and the count runs again for each visitor given the kept copy. Bounded in bytes; when full
 * it starts again empty, which costs one render per page.
 */
@Component
class AnonymousPages {

	static final long MAX_BYTES = 32L * 1024 * 1024;

	private static final int MAX_PAGE = 1024 * 1024;

	private static final int MAX_LANGUAGE = 100;

	private final Clock clock;

	private final Map<String, Page> pages = new ConcurrentHashMap<>();

	private final AtomicLong bytes = new AtomicLong();

	/** A field rather than the properties' value so that a test can switch it and restore it. */
	private volatile Duration lifetime;

	AnonymousPages(PublicCacheProperties properties, Clock clock) {
		this.clock = clock;
		this.lifetime = properties.appCache();
	}

	/**
	 * A kept page: its type and language (which Tomcat keeps apart from the other headers), the headers the
	 * application set on it (its own, not those of the filters around it) and its body.
	 */
	record Page(@Nullable String contentType, Locale locale, Map<String, List<String>> headers, byte[] body,
			String etag, @Nullable Consumer<HttpServletRequest> visit, Instant until) {

		Page until(Instant later) {
			return new Page(contentType, locale, headers, body, etag, visit, later);
		}
	}

	Duration lifetime() {
		return lifetime;
	}

	void lifetime(Duration lifetime) {
		this.lifetime = lifetime;
		clear();
	}

	/** The key of a request whose page may be kept or answered from here, or null. */
	@Nullable String key(HttpServletRequest request) {
		String language = request.getHeader(HttpHeaders.ACCEPT_LANGUAGE);
		if (lifetime.isZero() || !HttpMethod.GET.matches(request.getMethod())
				|| request.getHeader(HttpHeaders.COOKIE) != null || request.getHeader(HttpHeaders.AUTHORIZATION) != null
				|| (language != null && language.length() > MAX_LANGUAGE)) {
			return null;
		}
		String query = request.getQueryString();
		return request.getRequestURL().append(query == null ? "" : "?" + query).append('\n')
			.append(language == null ? "" : language).toString();
	}

	/**
	 * The kept page, or empty when the caller is to render it. When a page expires, the first request to see it
	 * renders it again while the others keep getting the expired copy (as nginx's {@code proxy_cache_lock} and
	 * {@code use_stale updating} do), so a flood never renders one page many times at once.
	 */
	Optional<Page> get(String key) {
		Instant now = clock.instant();
		Page page = pages.get(key);
		if (page == null) {
			return Optional.empty();
		}
		if (now.isBefore(page.until())) {
			return Optional.of(page);
		}
		if (pages.replace(key, page, page.until(now.plus(lifetime)))) {
			return Optional.empty();
		}
		return Optional.ofNullable(pages.get(key));
	}

	/** Forgets a page that is no longer public, or that its refresh could not render. */
	void forget(String key) {
		Page page = pages.remove(key);
		if (page != null) {
			bytes.addAndGet(-page.body().length);
		}
	}

	/** @param visit how the page counted its visit ({@link CountedVisits}), to be counted again for each visitor */
	void put(String key, HttpServletResponse response, Map<String, List<String>> headers, byte[] body, String etag,
			@Nullable Consumer<HttpServletRequest> visit) {
		if (body.length > MAX_PAGE) {
			return;
		}
		if (bytes.addAndGet(body.length) > MAX_BYTES) {
			clear();
			bytes.addAndGet(body.length);
		}
		Page previous = pages.put(key, new Page(response.getContentType(), response.getLocale(), Map.copyOf(headers),
				body, etag, visit, clock.instant().plus(lifetime)));
		if (previous != null) {
			bytes.addAndGet(-previous.body().length);
		}
	}

	private void clear() {
		pages.clear();
		bytes.set(0);
	}
}
