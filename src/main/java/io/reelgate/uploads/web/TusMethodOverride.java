package io.reelgate.uploads.web;

import java.io.IOException;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.servlet.filter.OrderedFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * tus 1.0 core: a POST carrying {@code X-HTTP-Method-Override} is the request it names, for clients behind proxies
 * that only pass GET and POST. The filter runs before the security filters, so authorization and CSRF judge the
 * overridden method: a PATCH or DELETE needs the CSRF token as ever, a HEAD or OPTIONS does not (it changes nothing,
 * and a page on another origin cannot add the header to a request without a CORS preflight, which is never allowed).
 */
@Configuration(proxyBeanMethods = false)
class TusMethodOverride {

	static final String HEADER = "X-HTTP-Method-Override";

	/** The methods the tus endpoint serves besides POST. */
	private static final Set<String> METHODS = Set.of("HEAD", "PATCH", "DELETE", "OPTIONS");

	@Bean
	FilterRegistrationBean<OverrideFilter> tusMethodOverrideFilter() {
		FilterRegistrationBean<OverrideFilter> registration = new FilterRegistrationBean<>(new OverrideFilter());
		registration.addUrlPatterns(TusController.PATH, TusController.PATH + "/*");
		// Wrapping the request, it must come before anything that reads the method (as Spring's hidden-method filter).
		registration.setOrder(OrderedFilter.REQUEST_WRAPPER_FILTER_MAX_ORDER - 10000);
		return registration;
	}

	static final class OverrideFilter extends OncePerRequestFilter {

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			String override = request.getHeader(HEADER);
			if (override == null || !"POST".equals(request.getMethod())) {
				chain.doFilter(request, response);
				return;
			}
			String method = override.trim().toUpperCase(Locale.ROOT);
			if (!METHODS.contains(method)) {
				response.setHeader("Tus-Resumable", TusController.TUS_VERSION);
				response.setHeader(HttpHeaders.ALLOW, "POST, HEAD, PATCH, DELETE, OPTIONS");
				response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
				return;
			}
			chain.doFilter(new HttpServletRequestWrapper(request) {
				@Override
				public String getMethod() {
					return method;
				}
			}, response);
		}
	}
}
