package io.reelgate.web;

import java.util.List;
import java.util.function.Supplier;

import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.util.matcher.IpAddressMatcher;

/** Lets a request through when its client address is in one of {@link ManagementProperties#metricsNetworks()}. */
final class MetricsNetworks implements AuthorizationManager<RequestAuthorizationContext> {

	private final List<IpAddressMatcher> networks;

	MetricsNetworks(List<String> networks) {
		this.networks = networks.stream().map(IpAddressMatcher::new).toList();
	}

	@Override
	public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
			RequestAuthorizationContext context) {
		return new AuthorizationDecision(networks.stream().anyMatch(network -> network.matches(context.getRequest())));
	}
}
