package io.reelgate.analytics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import io.reelgate.catalog.Catalog;
import io.reelgate.shared.AccountId;
import io.reelgate.shared.BundleFileId;
import io.reelgate.shared.BundleId;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The studio's analytics, read from the daily rollups only (never the raw events), so a year of a creator's data
 * is a few hundred rows. A creator sees their own bundles only: anyone else's is not found.
 */
@Service
@Transactional(readOnly = true)
public class AnalyticsReports {

	/** How many referrers the top list shows. */
	static final int TOP_REFERRERS = 20;

	private static final String EMBED = "embed:";

	private final JdbcClient jdbc;

	private final Catalog catalog;

	AnalyticsReports(JdbcClient jdbc, Catalog catalog) {
		this.jdbc = jdbc;
		this.catalog = catalog;
	}

	/**
	 * @param bundle one of the creator's bundles, or null for all of them
	 * @throws io.reelgate.catalog.BundleNotFoundException if the bundle is not the creator's
	 */
	public AnalyticsReport report(AccountId creator, @Nullable BundleId bundle, DateRange range) {
		String title = bundle == null ? null : catalog.editable(creator, bundle).summary().title();
		Scope scope = new Scope(creator, bundle == null ? Rollups.ALL_BUNDLES : bundle.value(), range);
		Map<LocalDate, long[]> counts = dailyCounts(scope);
		TreeSet<String> kinds = new TreeSet<>();
		Map<LocalDate, Map<String, Long>> unlocks = dailyUnlocks(scope, kinds);
		Map<LocalDate, long[]> watching = dailyWatching(scope);
		List<DayFigures> days = new ArrayList<>();
		for (LocalDate day : range.days()) {
			long[] c = counts.getOrDefault(day, new long[3]);
			long[] w = watching.getOrDefault(day, new long[2]);
			days.add(new DayFigures(day, c[0], unlocks.getOrDefault(day, Map.of()), c[2], c[1], w[0], w[1]));
		}
		List<MoneyFigures> money = dailyMoney(scope);
		return new AnalyticsReport(title, range, days, List.copyOf(kinds), total(days), money, moneyTotals(money),
				topReferrers(scope, false), topReferrers(scope, true), perFile(scope));
	}

	/** One creator's figures for one bundle (or {@link Rollups#ALL_BUNDLES}) over a range of days. */
	private record Scope(AccountId creator, UUID bundle, DateRange range) {

		Object[] params() {
			return new Object[] { creator.value(), bundle, range.from(), range.to() };
		}

		MapSqlParameterSource named() {
			return new MapSqlParameterSource().addValue("creator", creator.value())
				.addValue("bundle", bundle)
				.addValue("all", Rollups.ALL_BUNDLES)
				.addValue("from", range.from())
				.addValue("to", range.to());
		}
	}

	/** Views, streams and downloads by day; days without a row had none. */
	private Map<LocalDate, long[]> dailyCounts(Scope scope) {
		Map<LocalDate, long[]> counts = new HashMap<>();
		jdbc.sql("""
				select day, views, streams, downloads from analytics_daily
				where creator_id = ? and bundle_id = ? and day between ? and ?
				""")
			.params(scope.params())
			.query(rs -> {
				counts.put(rs.getObject("day", LocalDate.class),
						new long[] { rs.getLong("views"), rs.getLong("streams"), rs.getLong("downloads") });
			});
		return counts;
	}

	/** Plays and watch time by day, over the scope's files. */
	private Map<LocalDate, long[]> dailyWatching(Scope scope) {
		Map<LocalDate, long[]> watching = new HashMap<>();
		jdbc.sql("""
				select day, sum(plays) as plays, sum(watched_ms) as watched from analytics_daily_watch
				where creator_id = :creator and (:bundle = :all or bundle_id = :bundle) and day between :from and :to
				group by day
				""")
			.paramSource(scope.named())
			.query(rs -> {
				watching.put(rs.getObject("day", LocalDate.class),
						new long[] { rs.getLong("plays"), rs.getLong("watched") });
			});
		return watching;
	}

	/** Each watched file's figures over the range, most watched first. */
	private List<WatchFigures> perFile(Scope scope) {
		record Row(BundleId bundle, BundleFileId file, long plays, long watched) {
		}
		List<Row> rows = jdbc.sql("""
				select bundle_id, file_id, sum(plays) as plays, sum(watched_ms) as watched from analytics_daily_watch
				where creator_id = :creator and (:bundle = :all or bundle_id = :bundle) and day between :from and :to
				group by bundle_id, file_id order by watched desc, plays desc, file_id
				""")
			.paramSource(scope.named())
			.query((rs, n) -> new Row(new BundleId(rs.getObject("bundle_id", UUID.class)),
					new BundleFileId(rs.getObject("file_id", UUID.class)), rs.getLong("plays"), rs.getLong("watched")))
			.list();
		Map<BundleId, String> titles = catalog.titles(rows.stream().map(Row::bundle).toList());
		Map<BundleFileId, String> names = catalog.fileNames(rows.stream().map(Row::file).toList());
		return rows.stream()
			.map(r -> new WatchFigures(r.bundle(), titles.get(r.bundle()), r.file(), names.get(r.file()), r.plays(),
					r.watched()))
			.toList();
	}

	/** Unlocks by day and kind, adding each kind seen to {@code kinds}. */
	private Map<LocalDate, Map<String, Long>> dailyUnlocks(Scope scope, TreeSet<String> kinds) {
		Map<LocalDate, Map<String, Long>> unlocks = new HashMap<>();
		jdbc.sql("""
				select day, kind, unlocks from analytics_daily_unlocks
				where creator_id = ? and bundle_id = ? and day between ? and ?
				""")
			.params(scope.params())
			.query(rs -> {
				String kind = rs.getString("kind");
				kinds.add(kind);
				unlocks.computeIfAbsent(rs.getObject("day", LocalDate.class), d -> new TreeMap<>())
					.put(kind, rs.getLong("unlocks"));
			});
		return unlocks;
	}

	/** The range's totals, as a day without a date. */
	private static DayFigures total(List<DayFigures> days) {
		long views = 0;
		long streams = 0;
		long downloads = 0;
		long plays = 0;
		long watched = 0;
		Map<String, Long> unlockTotals = new TreeMap<>();
		for (DayFigures day : days) {
			views += day.views();
			streams += day.streams();
			downloads += day.downloads();
			plays += day.plays();
			watched += day.watchedMillis();
			day.unlocks().forEach((kind, n) -> unlockTotals.merge(kind, n, Long::sum));
		}
		return new DayFigures(null, views, new LinkedHashMap<>(unlockTotals), downloads, streams, plays, watched);
	}

	private List<MoneyFigures> dailyMoney(Scope scope) {
		return jdbc.sql("""
				select day, currency, gross, fees, refunded, refunds, net, tax, tax_refunded from analytics_daily_money
				where creator_id = ? and bundle_id = ? and day between ? and ? order by day, currency
				""")
			.params(scope.params())
			.query((rs, n) -> new MoneyFigures(rs.getObject("day", LocalDate.class), rs.getString("currency"),
					rs.getLong("gross"), rs.getLong("fees"), rs.getLong("refunded"), rs.getLong("refunds"),
					rs.getLong("net"), rs.getLong("tax"), rs.getLong("tax_refunded")))
			.list();
	}

	/** One total per currency (amounts in different currencies are never added), in currency order. */
	private static List<MoneyFigures> moneyTotals(List<MoneyFigures> money) {
		Map<String, MoneyFigures> totals = new TreeMap<>();
		for (MoneyFigures m : money) {
			totals.merge(m.currency(), new MoneyFigures(null, m.currency(), m.gross(), m.fees(), m.refunded(),
					m.refunds(), m.net(), m.tax(), m.taxRefunded()), (a, b) -> new MoneyFigures(null, a.currency(),
							a.gross() + b.gross(), a.fees() + b.fees(), a.refunded() + b.refunded(),
							a.refunds() + b.refunds(), a.net() + b.net(), a.tax() + b.tax(),
							a.taxRefunded() + b.taxRefunded()));
		}
		return List.copyOf(totals.values());
	}

	/**
	 * The rollup keeps the embedded card's referrers as {@code embed:<host>} (see {@link Rollups}); a host or a
	 * {@code ref:} code never starts so.
	 */
	private List<ReferrerFigures> topReferrers(Scope scope, boolean embed) {
		return jdbc.sql("""
				select referrer, sum(views) as views from analytics_daily_referrers
				where creator_id = ? and bundle_id = ? and day between ? and ? and (referrer like 'embed:%') = ?
				group by referrer order by views desc, referrer limit ?
				""")
			.params(scope.creator().value(), scope.bundle(), scope.range().from(), scope.range().to(), embed,
					TOP_REFERRERS)
			.query((rs, n) -> new ReferrerFigures(
					embed ? rs.getString("referrer").substring(EMBED.length()) : rs.getString("referrer"),
					rs.getLong("views")))
			.list();
	}
}
