package io.reelgate.cluster;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the instances of a cluster tell each other they are alive.
 *
 * @param heartbeatInterval how often each instance records in PostgreSQL that it is running
 * @param instanceTimeout how long without a heartbeat before the others treat an instance as gone and take over what
 * it held (the lease of an upload it was writing); at least twice the interval
 */
@ConfigurationProperties("reelgate.cluster")
@Validated
record ClusterProperties(@NotNull @DefaultValue("2s") Duration heartbeatInterval,
		@NotNull @DefaultValue("6s") Duration instanceTimeout) {

	ClusterProperties {
		if (heartbeatInterval.isNegative() || heartbeatInterval.isZero()
				|| instanceTimeout.compareTo(heartbeatInterval.multipliedBy(2)) < 0) {
			throw new IllegalArgumentException("reelgate.cluster.heartbeat-interval must be positive and "
					+ "reelgate.cluster.instance-timeout at least twice as long");
		}
	}
}
