package io.reelgate.analytics;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Analytics.
 *
 * @param retention how long raw events are kept; the daily rollups are kept for good
 * @param rollupInterval how often the rollup job runs (the dashboard lags by at most this much)
 * @param rollupLookback events written this recently are rolled up again on each run; longer than the interval, so
 * an event whose transaction committed late (or on an instance whose run was skipped) is still picked up
 */
@ConfigurationProperties("reelgate.analytics")
record AnalyticsProperties(@DefaultValue("90d") Duration retention, @DefaultValue("1m") Duration rollupInterval,
		@DefaultValue("15m") Duration rollupLookback) {

	AnalyticsProperties {
		if (retention.compareTo(Duration.ofDays(2)) < 0) {
			throw new IllegalArgumentException("reelgate.analytics.retention must be at least 2 days");
		}
		if (rollupInterval.isNegative() || rollupInterval.isZero()) {
			throw new IllegalArgumentException("reelgate.analytics.rollup-interval must be positive");
		}
		if (rollupLookback.compareTo(rollupInterval) <= 0) {
			throw new IllegalArgumentException("reelgate.analytics.rollup-lookback must be longer than the interval");
		}
	}
}
