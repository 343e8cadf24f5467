package io.reelgate.library;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import io.reelgate.catalog.Popularity;
import io.reelgate.shared.BundleId;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Counts, every {@link PopularityProperties#refresh()}, how many people got each bundle over the recent window
 * (bought, claimed free, unlocked by email, received as a gift; not screener codes, nor revoked grants) and hands
 * the figures to the catalog, which sorts "popular" by them. A count per page view would scan entitlements for every
 * visitor; this reads the window once, through {@code entitlements_granted_idx}.
 */
@Component
public class PopularityCounts {

	private final JdbcClient jdbc;

	private final Popularity popularity;

	private final PopularityProperties properties;

	private final Clock clock;

	PopularityCounts(JdbcClient jdbc, Popularity popularity, PopularityProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.popularity = popularity;
		this.properties = properties;
		this.clock = clock;
	}

	@Scheduled(initialDelayString = "1m", fixedDelayString = "${reelgate.popularity.refresh:10m}")
	@SchedulerLock(name = "popularity", lockAtMostFor = "PT10M")
	void run() {
		refresh();
	}

	/** Counts now; the job's run, and what a test calls instead of waiting for it. */
	public void refresh() {
		Instant since = clock.instant().minus(properties.window());
		Map<BundleId, Integer> counts = jdbc.sql("""
				select bundle_id, count(*) as n from entitlements
				where granted_at >= :since and revoked_at is null and screener_code_id is null group by bundle_id""")
			.param("since", Timestamp.from(since))
			.query((rs, row) -> Map.entry(new BundleId(rs.getObject("bundle_id", UUID.class)), rs.getInt("n")))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		popularity.replace(counts);
	}
}
