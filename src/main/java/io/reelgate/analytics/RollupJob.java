package io.reelgate.analytics;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.TreeSet;

import io.reelgate.library.WatchActivity;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the rollups current and the raw events within their retention, on one instance of the cluster at a time.
 * Each run rolls up today and yesterday (downloads arrive for them without events) and any day that got events in
 * the lookback window (an order paid just before midnight, handled after a restart), or plays reported in it (a
 * film started before midnight and watched on). Raw events and plays past the retention are deleted.
 */
@Component
class RollupJob {

	private static final Logger log = LoggerFactory.getLogger(RollupJob.class);

	private final Rollups rollups;

	private final AnalyticsEvents events;

	private final VisitorKeys keys;

	private final WatchActivity watching;

	private final AnalyticsProperties properties;

	private final Clock clock;

	RollupJob(Rollups rollups, AnalyticsEvents events, VisitorKeys keys, WatchActivity watching,
			AnalyticsProperties properties, Clock clock) {
		this.rollups = rollups;
		this.events = events;
		this.keys = keys;
		this.watching = watching;
		this.properties = properties;
		this.clock = clock;
	}

	@Scheduled(initialDelayString = "${reelgate.analytics.rollup-interval:1m}",
			fixedDelayString = "${reelgate.analytics.rollup-interval:1m}")
	@SchedulerLock(name = "analytics-rollup")
	void run() {
		rollUpRecent();
		long deleted = purge();
		if (deleted > 0) {
			log.info("Deleted {} analytics events past their retention", deleted);
		}
	}

	void rollUpRecent() {
		Instant now = clock.instant();
		LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
		Set<LocalDate> days = new TreeSet<>(events.daysRecordedSince(now.minus(properties.rollupLookback())));
		days.addAll(watching.daysReportedSince(now.minus(properties.rollupLookback())));
		days.add(today);
		days.add(today.minusDays(1));
		rollups.rollUp(days);
	}

	/** Deletes raw events past the retention period, and the salts of days before yesterday. */
	long purge() {
		LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
		keys.deleteBefore(today.minusDays(1));
		LocalDate keepFrom = today.minusDays(properties.retention().toDays());
		return events.deleteBefore(keepFrom) + watching.deleteBefore(keepFrom);
	}
}
