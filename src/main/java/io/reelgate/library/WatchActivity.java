package io.reelgate.library;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.reelgate.catalog.Catalog;
import io.reelgate.shared.AccountId;
import io.reelgate.shared.BundleFileId;
import io.reelgate.shared.BundleId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Plays and watch time per file and day, for the creators' analytics, from the plays the player's reports credit
 * ({@link WatchPlays}). A play counts on the UTC day it started. The creator watching their own file is not
 * counted.
 */
@Service
@Transactional(readOnly = true)
public class WatchActivity {

	private final JdbcClient jdbc;

	private final Catalog catalog;

	WatchActivity(JdbcClient jdbc, Catalog catalog) {
		this.jdbc = jdbc;
		this.catalog = catalog;
	}

	/** Per file and day on the given days: sessions that reached the play threshold, and all sessions' watch time. */
	public List<DailyWatching> daily(Collection<LocalDate> days) {
		if (days.isEmpty()) {
			return List.of();
		}
		record Row(BundleId bundle, BundleFileId file, LocalDate day, AccountId viewer, long plays, long watched) {
		}
		List<Row> rows = jdbc.sql("""
				select bundle_id, file_id, day, account_id, count(*) filter (where watched_ms >= play_ms) as plays,
				       sum(watched_ms) as watched
				from watch_plays where day in (:days) group by bundle_id, file_id, day, account_id
				""")
			.param("days", List.copyOf(days))
			.query((rs, n) -> {
				UUID viewer = rs.getObject("account_id", UUID.class);
				return new Row(new BundleId(rs.getObject("bundle_id", UUID.class)),
						new BundleFileId(rs.getObject("file_id", UUID.class)), rs.getObject("day", LocalDate.class),
						viewer == null ? null : new AccountId(viewer), rs.getLong("plays"), rs.getLong("watched"));
			})
			.list();
		Map<BundleId, AccountId> owners = catalog.owners(rows.stream().map(Row::bundle).toList());
		record Key(BundleId bundle, BundleFileId file, LocalDate day) {
		}
		Map<Key, long[]> sums = new LinkedHashMap<>();
		for (Row row : rows) {
			AccountId creator = owners.get(row.bundle());
			if (creator == null || creator.equals(row.viewer())) {
				continue;
			}
			long[] sum = sums.computeIfAbsent(new Key(row.bundle(), row.file(), row.day()), k -> new long[2]);
			sum[0] += row.plays();
			sum[1] += row.watched();
		}
		return sums.entrySet()
			.stream()
			.map(e -> new DailyWatching(e.getKey().bundle(), owners.get(e.getKey().bundle()), e.getKey().file(),
					e.getKey().day(), e.getValue()[0], e.getValue()[1]))
			.toList();
	}

	/** The days of plays reported since {@code since}: a play started days ago can still be going on. */
	public List<LocalDate> daysReportedSince(Instant since) {
		return jdbc.sql("select distinct day from watch_plays where last_report_at >= ?")
			.param(Timestamp.from(since))
			.query(LocalDate.class)
			.list();
	}

	/** Deletes plays of days before {@code keepFrom} (the analytics retention), a batch at a time. */
	@Transactional
	public long deleteBefore(LocalDate keepFrom) {
		long deleted = 0;
		int batch;
		do {
			batch = jdbc.sql("delete from watch_plays where id in (select id from watch_plays where day < ? limit 10000)")
				.param(keepFrom)
				.update();
			deleted += batch;
		}
		while (batch > 0);
		return deleted;
	}

	/** One file's plays and watch time on one day, with the creator of its bundle. */
	public record DailyWatching(BundleId bundle, AccountId creator, BundleFileId file, LocalDate day, long plays,
			long watchedMillis) {
	}
}
