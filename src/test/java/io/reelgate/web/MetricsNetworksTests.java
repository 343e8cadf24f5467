package io.reelgate.web;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** Who may scrape metrics: loopback by default, the operator's ranges when configured. */
class MetricsNetworksTests {

	@Test
	void byDefaultOnlyLoopbackMayScrape() {
		MetricsNetworks networks = networks(Map.of());

		assertThat(allows(networks, "127.0.0.1")).isTrue();
		assertThat(allows(networks, "127.8.9.10")).isTrue();
		assertThat(allows(networks, "::1")).isTrue();
		assertThat(allows(networks, "10.1.2.3")).isFalse();
		assertThat(allows(networks, "172.16.0.5")).isFalse();
		assertThat(allows(networks, "192.168.1.20")).isFalse();
		assertThat(allows(networks, "203.0.113.9")).isFalse();
	}

	@Test
	void configuredNetworksReplaceTheDefault() {
		MetricsNetworks networks = networks(Map.of("reelgate.management.metrics-networks", "10.20.0.0/16"));

		assertThat(allows(networks, "10.20.3.4")).isTrue();
		assertThat(allows(networks, "10.21.3.4")).isFalse();
		assertThat(allows(networks, "127.0.0.1")).isFalse();
	}

	private static MetricsNetworks networks(Map<String, String> settings) {
		ManagementProperties properties = new Binder(new MapConfigurationPropertySource(settings))
			.bindOrCreate("reelgate.management", ManagementProperties.class);
		return new MetricsNetworks(properties.metricsNetworks());
	}

	private static boolean allows(MetricsNetworks networks, String address) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/actuator/prometheus");
		request.setRemoteAddr(address);
		return networks.authorize(() -> null, new RequestAuthorizationContext(request)).isGranted();
	}
}
