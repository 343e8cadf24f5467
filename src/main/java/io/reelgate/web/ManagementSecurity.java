package io.reelgate.web;

import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Actuator endpoints: health (liveness, readiness) for anyone, as load balancers and Kubernetes probe it without
 * credentials; metrics only from the configured networks (loopback unless configured); nothing else exposed.
 */
@Configuration(proxyBeanMethods = false)
class ManagementSecurity {

	@Bean
	@Order(1)
	SecurityFilterChain managementFilterChain(HttpSecurity http, ManagementProperties properties) throws Exception {
		http.securityMatcher(EndpointRequest.toAnyEndpoint())
			.authorizeHttpRequests(requests -> requests
				.requestMatchers(EndpointRequest.to("health")).permitAll()
				.requestMatchers(EndpointRequest.to("prometheus")).access(new MetricsNetworks(properties.metricsNetworks()))
				.anyRequest().denyAll())
			.csrf(csrf -> csrf.disable())
			.requestCache(cache -> cache.disable())
			.sessionManagement(session -> session.disable());
		return http.build();
	}
}
