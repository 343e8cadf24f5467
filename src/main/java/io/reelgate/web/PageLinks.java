package io.reelgate.web;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

import io.reelgate.shared.PublicUrlProperties;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * Gives every page its canonical URL ({@code <link rel="canonical">} in the layout): the site's public address (never
 * the request's forgeable {@code Host}) with the page's path, keeping only the parameters that choose which page of a
 * listing it is, so a shared link with tracking or a discount code still names one page to search engines. Only
 * rendered pages get one: the tracker, web seed and API read their raw query strings themselves, and parsing them
 * here as UTF-8 parameters would refuse a BitTorrent announce's binary {@code info_hash}.
 */
@Component
class PageLinks implements WebMvcConfigurer, HandlerInterceptor {

	private static final Set<String> LISTING_PARAMETERS = Set.of("page", "before", "after", "q", "sort");

	private final PublicUrlProperties publicUrl;

	PageLinks(PublicUrlProperties publicUrl) {
		this.publicUrl = publicUrl;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this);
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			@Nullable ModelAndView page) {
		if (page != null && page.getViewName() != null && !page.getViewName().startsWith("redirect:")) {
			page.addObject("canonicalUrl", canonicalUrl(request));
		}
	}

	/** None on an error page: a 404 for a mistyped link names no page to index. */
	@Nullable String canonicalUrl(HttpServletRequest request) {
		if (request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) != null) {
			return null;
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		UriComponentsBuilder link = UriComponentsBuilder.fromUri(publicUrl.publicUrl()).path(path);
		request.getParameterMap().entrySet().stream()
			.filter(p -> LISTING_PARAMETERS.contains(p.getKey()) && p.getValue().length > 0 && !p.getValue()[0].isBlank()
					&& wellFormed(p.getValue()[0]))
			.sorted(Map.Entry.comparingByKey())
			.forEach(p -> link.queryParam(p.getKey(), UriUtils.encodeQueryParam(p.getValue()[0], StandardCharsets.UTF_8)));
		// The request's path arrives encoded already and the parameters were encoded above: nothing is encoded twice.
		return link.build(true).toUriString();
	}

	/** A lone surrogate cannot be encoded as UTF-8: such a hostile parameter names no page and is left out. */
	private static boolean wellFormed(String value) {
		return value.codePoints().noneMatch(c -> Character.getType(c) == Character.SURROGATE);
	}
}
