package io.reelgate.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The buy cards creators put on their own websites (storefront's {@code /embed/bundles/{id}}): the only pages any
 * site may frame. Their chain reads no session and makes none, so the card is the anonymous one for everybody (no
 * name, no token, nothing a framing page could trick a signed-in viewer into), sets no cookie on the creator's site,
 * and is cached like the public pages. Only reading is allowed here; every other route keeps the main chain's
 * {@code frame-ancestors 'none'} and {@code X-Frame-Options: DENY}.
 */
@Configuration(proxyBeanMethods = false)
class EmbedSecurity {

	static final String PATHS = "/embed/**";

	/** The app's policy with framing by any site allowed; the card's Buy link leaves the frame ({@code _top}). */
	static final String CONTENT_SECURITY_POLICY = SecurityConfiguration.CONTENT_SECURITY_POLICY
		.replace("frame-ancestors 'none'", "frame-ancestors *");

	@Bean
	@Order(3)
	SecurityFilterChain embedFilterChain(HttpSecurity http) throws Exception {
		http.securityMatcher(PATHS)
			.authorizeHttpRequests(requests -> requests.requestMatchers(HttpMethod.GET, PATHS).permitAll()
				.requestMatchers(HttpMethod.HEAD, PATHS).permitAll()
				.anyRequest().denyAll())
			// Nothing here changes state (GET only) and no page holds a form, so there is no token to check.
			.csrf(csrf -> csrf.disable())
			.requestCache(cache -> cache.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.frameOptions(frame -> frame.disable())
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
				.permissionsPolicyHeader(permissions -> permissions.policy(SecurityConfiguration.PERMISSIONS_POLICY)));
		return http.build();
	}
}
