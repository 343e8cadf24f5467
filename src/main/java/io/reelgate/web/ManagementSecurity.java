package io.reelgate.web;

import java.util.List;

import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.util.matcher.IpAddressMatcher;

/**
 * Actuator endpoints: health (liveness, readiness) for anyone, as load balancers and Kubernetes probe it without
 * credentials; metrics only from the configured internal networks; nothing else exposed.
 */
@Configuration(proxyBeanMethods = false)
class ManagementSecurity {

	@Bean
	@Order(1)
	SecurityFilterChain managementFilterChain(HttpSecurity http, ManagementProperties properties) throws Exception {
		List<IpAddressMatcher> networks = properties.metricsNetworks().stream().map(IpAddressMatcher::new).toList();
		AuthorizationManager<RequestAuthorizationContext> internal = (authentication, context) -> new AuthorizationDecision(
				networks.stream().anyMatch(network -> network.matches(context.getRequest())));
		http.securityMatcher(EndpointRequest.toAnyEndpoint())
			.authorizeHttpRequests(requests -> requests
				.requestMatchers(EndpointRequest.to("health")).permitAll()
				.requestMatchers(EndpointRequest.to("prometheus")).access(internal)
				.anyRequest().denyAll())
			.csrf(csrf -> csrf.disable())
			.requestCache(cache -> cache.disable())
			.sessionManagement(session -> session.disable());
		return http.build();
	}
}
