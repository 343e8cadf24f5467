package io.reelgate.web;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may read operational endpoints beyond health.
 *
 * @param metricsNetworks client address ranges (CIDR) allowed to scrape {@code /actuator/prometheus}: by default
 * loopback only, because a private range also holds every other tenant of a shared network (and, behind a proxy
 * that sets {@code X-Forwarded-For}, whatever address a client claims); operators add their Prometheus's range
 */
@ConfigurationProperties("reelgate.management")
record ManagementProperties(@DefaultValue({ "127.0.0.0/8", "::1/128" }) List<String> metricsNetworks) {
}
