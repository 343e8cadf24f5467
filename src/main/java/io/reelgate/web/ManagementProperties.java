package io.reelgate.web;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may read operational endpoints beyond health.
 *
 * @param metricsNetworks client address ranges (CIDR) allowed to scrape {@code /actuator/prometheus}: by default
 * loopback and the private ranges a Prometheus inside the cluster network scrapes from
 */
@ConfigurationProperties("reelgate.management")
record ManagementProperties(
		@DefaultValue({ "127.0.0.0/8", "::1/128", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16" }) List<String> metricsNetworks) {
}
