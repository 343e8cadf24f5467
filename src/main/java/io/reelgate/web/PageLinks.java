package io.reelgate.web;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

import io.reelgate.shared.PublicUrlProperties;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * Gives every page its canonical URL ({@code <link rel="canonical">} in the layout): the site's public address (never
 * the request's forgeable {@code Host}) with the page's path, keeping only the parameters that choose which page of a
 * listing it is, so a shared link with tracking or a discount code still names one page to search engines.
 */
@ControllerAdvice(annotations = Controller.class)
class PageLinks {

	private static final Set<String> LISTING_PARAMETERS = Set.of("page", "before", "after", "q");

	private final PublicUrlProperties publicUrl;

	PageLinks(PublicUrlProperties publicUrl) {
		this.publicUrl = publicUrl;
	}

	/** None on an error page: a 404 for a mistyped link names no page to index. */
	@ModelAttribute("canonicalUrl")
	@Nullable String canonicalUrl(HttpServletRequest request) {
		if (request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) != null) {
			return null;
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		UriComponentsBuilder link = UriComponentsBuilder.fromUri(publicUrl.publicUrl()).path(path);
		request.getParameterMap().entrySet().stream()
			.filter(p -> LISTING_PARAMETERS.contains(p.getKey()) && p.getValue().length > 0 && !p.getValue()[0].isBlank())
			.sorted(Map.Entry.comparingByKey())
			.forEach(p -> link.queryParam(p.getKey(), UriUtils.encodeQueryParam(p.getValue()[0], StandardCharsets.UTF_8)));
		// The request's path arrives encoded already and the parameters were encoded above: nothing is encoded twice.
		return link.build(true).toUriString();
	}
}
