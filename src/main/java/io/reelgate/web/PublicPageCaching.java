package io.reelgate.web;

import java.io.IOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.reelgate.web.AnonymousPages.Page;

import org.jspecify.annotations.Nullable;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.util.DigestUtils;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Lets browsers and shared caches keep the public pages that anonymous visitors get, the same for all of them, so a
 * CDN or nginx's {@code proxy_cache} absorbs a flood of visits: {@code Cache-Control} from
 * {@link PublicCacheProperties}, {@code Vary} on what the page depends on, and an ETag of the page's bytes answered
 * with 304 when a client or cache sends it back ({@code If-None-Match}).
 * <p>
 * A page is public only when it was the anonymous page: answered 200 to a visitor who is not signed in, had no
 * session and got none (a page whose form needs a CSRF token makes one), and sent no cookie. Anything else on these
 * paths shows a name, a flash message or a token, and is {@code private, no-store}. It runs inside Spring Security's
 * filters (their order is -100), which see who the visitor is, and inside Spring Session's, which write the session
 * cookie after it.
 * <p>
 * Public pages are also kept in this instance's memory for a few seconds ({@link AnonymousPages}) and answered from
 * there to the next anonymous visitors; a page that counts each visit has the count run again for each of them
 * ({@link CountedVisits}).
 */
@Component
@Order(0)
class PublicPageCaching extends OncePerRequestFilter {

	/**
	 * The page is rendered in the visitor's language and number format ({@code Accept-Language}), compressed or not
	 * ({@code Accept-Encoding}), and is the anonymous one only without a session cookie ({@code Cookie}).
	 */
	static final String VARY = "Accept-Encoding, Accept-Language, Cookie";

	static final String PERSONAL = "private, no-store";

	private static final List<PathPattern> PAGES = List.of("/", "/bundles/{id}", "/embed/bundles/{id}", "/creators/{id}",
			"/tags/{tag}", "/robots.txt",
			"/sitemap.xml", "/sitemaps/{name}").stream().map(PathPatternParser.defaultInstance::parse).toList();

	private final AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();

	private final PublicCacheProperties properties;

	private final AnonymousPages pages;

	PublicPageCaching(PublicCacheProperties properties, AnonymousPages pages) {
		this.properties = properties;
		this.pages = pages;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		boolean read = HttpMethod.GET.matches(request.getMethod()) || HttpMethod.HEAD.matches(request.getMethod());
		if (!read) {
			return true;
		}
		PathContainer path = PathContainer.parsePath(request.getRequestURI().substring(request.getContextPath().length()));
		return PAGES.stream().noneMatch(page -> page.matches(path));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String key = pages.key(request);
		Optional<Page> kept = key == null ? Optional.empty() : pages.get(key);
		if (kept.isPresent()) {
			answer(request, response, kept.get());
			return;
		}
		// The filters around this one (request id, security headers) set their own headers on every answer; only a
		// page that may be kept needs them told apart from the page's own.
		Set<String> outer = key == null ? Set.of() : Set.copyOf(response.getHeaderNames());
		ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response);
		try {
			chain.doFilter(request, buffered);
		}
		finally {
			if (!isAsyncStarted(request)) {
				finish(request, buffered, response, key, outer);
			}
		}
	}

	private static void answer(HttpServletRequest request, HttpServletResponse response, Page page) throws IOException {
		// In the order DispatcherServlet and the view set them, so the type's charset wins over the locale's.
		response.setLocale(page.locale());
		if (page.contentType() != null) {
			response.setContentType(page.contentType());
		}
		page.headers().forEach((name, values) -> {
			response.setHeader(name, values.get(0));
			values.stream().skip(1).forEach(value -> response.addHeader(name, value));
		});
		if (page.visit() != null) {
			page.visit().accept(request);
		}
		if (new ServletWebRequest(request, response).checkNotModified(page.etag())) {
			return;
		}
		response.setContentLength(page.body().length);
		response.getOutputStream().write(page.body());
	}

	private void finish(HttpServletRequest request, ContentCachingResponseWrapper buffered, HttpServletResponse raw,
			@Nullable String key, Set<String> outer) throws IOException {
		boolean kept = false;
		if (!anonymous(request) || !raw.getHeaders(HttpHeaders.SET_COOKIE).isEmpty()) {
			raw.setHeader(HttpHeaders.CACHE_CONTROL, PERSONAL);
		}
		else if (buffered.getStatus() == HttpServletResponse.SC_OK) {
			// Controllers that know better (the sitemaps' hour) keep their own lifetime.
			if (raw.getHeader(HttpHeaders.CACHE_CONTROL) == null) {
				raw.setHeader(HttpHeaders.CACHE_CONTROL, properties.cacheControl().getHeaderValue());
			}
			raw.setHeader(HttpHeaders.VARY, VARY);
			if (HttpMethod.GET.matches(request.getMethod())) {
				// Weak: Tomcat may compress the bytes, which a strong tag would have to cover.
				String etag = "W/\"" + DigestUtils.md5DigestAsHex(buffered.getContentInputStream()) + "\"";
				if (key != null) {
					pages.put(key, raw, ownHeaders(raw, outer), buffered.getContentAsByteArray(), etag,
							CountedVisits.of(request));
					kept = true;
				}
				if (new ServletWebRequest(request, raw).checkNotModified(etag)) {
					return;
				}
			}
		}
		if (key != null && !kept) {
			pages.forget(key);
		}
		buffered.copyBodyToResponse();
	}

	private boolean anonymous(HttpServletRequest request) {
		return request.getSession(false) == null
				&& !trust.isAuthenticated(SecurityContextHolder.getContext().getAuthentication());
	}

	private static Map<String, List<String>> ownHeaders(HttpServletResponse response, Set<String> outer) {
		Map<String, List<String>> own = new LinkedHashMap<>();
		for (String name : Set.copyOf(response.getHeaderNames())) {
			Collection<String> values = response.getHeaders(name);
			if (!outer.contains(name) && !values.isEmpty()) {
				own.put(name, List.copyOf(values));
			}
		}
		return own;
	}
}
