package io.reelgate.api;

import java.util.Arrays;

import io.reelgate.ratelimit.RateLimiter;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import static io.reelgate.api.ScopeRules.scope;

/**
 * The creator API's own filter chain: personal access tokens only, no session, no cookies read, so no CSRF; every
 * refusal is problem JSON. It also takes the tus endpoint's requests that carry a bearer token, so that uploads
 * started through the API continue there with the same token; the same endpoint with a session cookie stays with
 * the site's chain. The OpenAPI description is public.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurity {

	static final String API = "/api/**";

	static final String TUS = "/studio/uploads/**";

	private static final String[] DOCS = { "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml" };

	@Bean
	@Order(2)
	SecurityFilterChain apiFilterChain(HttpSecurity http, ApiTokenService tokens, RateLimiter rateLimiter,
			ApiRateLimitProperties limits, ProblemResponses problems) throws Exception {
		PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
		RequestMatcher bearerTus = new AndRequestMatcher(new OrRequestMatcher(paths.matcher("/studio/uploads"),
				paths.matcher(TUS)), request -> BearerTokenFilter.bearer(request).isPresent());
		RequestMatcher docs = new OrRequestMatcher(Arrays.stream(DOCS).map(paths::matcher)
			.map(RequestMatcher.class::cast).toList());
		http.securityMatcher(new OrRequestMatcher(paths.matcher(API), bearerTus, docs))
			.authorizeHttpRequests(requests -> requests
				.requestMatchers(docs).permitAll()
				.requestMatchers(HttpMethod.GET, "/api/v1/bundles", "/api/v1/bundles/*").access(scope(Scope.BUNDLES_READ))
				.requestMatchers(HttpMethod.POST, "/api/v1/bundles/*/uploads").access(scope(Scope.UPLOADS_WRITE))
				.requestMatchers("/api/v1/bundles", "/api/v1/bundles/**").access(scope(Scope.BUNDLES_WRITE))
				.requestMatchers(HttpMethod.GET, "/api/v1/sales", "/api/v1/earnings").access(scope(Scope.SALES_READ))
				.requestMatchers(bearerTus).access(scope(Scope.UPLOADS_WRITE))
				.anyRequest().authenticated())
			.addFilterBefore(new BearerTokenFilter(tokens, rateLimiter, limits, problems), AuthorizationFilter.class)
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
			// Bearer tokens are not sent by browsers on their own, and this chain reads no cookie: no CSRF to forge.
			.csrf(csrf -> csrf.disable())
			.requestCache(cache -> cache.disable())
			.formLogin(form -> form.disable())
			.httpBasic(basic -> basic.disable())
			.logout(logout -> logout.disable())
			.exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.headers(headers -> headers
				.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
				.frameOptions(frame -> frame.deny()));
		return http.build();
	}
}
