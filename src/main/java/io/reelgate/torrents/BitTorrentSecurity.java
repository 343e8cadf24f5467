package io.reelgate.torrents;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The tracker ({@link TrackerEndpoint}) and the web seed ({@link WebSeedController}) authorize each request by the
 * passkey or signed token in its path, never by a session, so their chain reads no session, makes none, checks no
 * CSRF token (a cookie grants nothing here, and nothing is posted) and lets every request through to the
 * controllers, which answer unmapped paths with 404 and other methods with 405. It also spares every announce the
 * main chain's dozens of request matchers and its sign-in, passkey and two-factor filters: on release day the
 * tracker answers each buyer's client every few minutes. Spring Security's default headers stay.
 */
@Configuration(proxyBeanMethods = false)
class BitTorrentSecurity {

	@Bean
	@Order(4)
	SecurityFilterChain bitTorrentFilterChain(HttpSecurity http) throws Exception {
		http.securityMatcher("/tracker/**", "/ws/**")
			.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
			.csrf(csrf -> csrf.disable())
			.requestCache(cache -> cache.disable())
			.anonymous(anonymous -> anonymous.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
		return http.build();
	}
}
