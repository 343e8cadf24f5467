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
import io.reelgate.shared.BundleId;
import org.jspecify.annotations.Nullable;

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
		List<DayFigures> days = new ArrayList<>();
		for (LocalDate day : range.days()) {
			long[] c = counts.getOrDefault(day, new long[3]);
			days.add(new DayFigures(day, c[0], unlocks.getOrDefault(day, Map.of()), c[2], c[1]));
		}
		List<MoneyFigures> money = dailyMoney(scope);
		return new AnalyticsReport(title, range, days, List.copyOf(kinds), total(days), money, moneyTotals(money),
				topReferrers(scope));
	}

	/** One creator's figures for one bundle (or {@link Rollups#ALL_BUNDLES}) over a range of days. */
	private record Scope(AccountId creator, UUID bundle, DateRange range) {

		Object[] params() {
			return new Object[] { creator.value(), bundle, range.from(), range.to() };
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
		Map<String, Long> unlockTotals = new TreeMap<>();
		for (DayFigures day : days) {
			views += day.views();
			streams += day.streams();
			downloads += day.downloads();
			day.unlocks().forEach((kind, n) -> unlockTotals.merge(kind, n, Long::sum));
		}
		return new DayFigures(null, views, new LinkedHashMap<>(unlockTotals), downloads, streams);
	}

	private List<MoneyFigures> dailyMoney(Scope scope) {
		return jdbc.sql("""
				select day, currency, gross, fees, refunded, refunds, net from analytics_daily_money
				where creator_id = ? and bundle_id = ? and day between ? and ? order by day, currency
				""")
			.params(scope.params())
			.query((rs, n) -> new MoneyFigures(rs.getObject("day", LocalDate.class), rs.getString("currency"),
					rs.getLong("gross"), rs.getLong("fees"), rs.getLong("refunded"), rs.getLong("refunds"),
					rs.getLong("net")))
			.list();
	}

	/** One total per currency (amounts in different currencies are never added), in currency order. */
	private static List<MoneyFigures> moneyTotals(List<MoneyFigures> money) {
		Map<String, MoneyFigures> totals = new TreeMap<>();
		for (MoneyFigures m : money) {
			totals.merge(m.currency(), new MoneyFigures(null, m.currency(), m.gross(), m.fees(), m.refunded(),
					m.refunds(), m.net()), (a, b) -> new MoneyFigures(null, a.currency(), a.gross() + b.gross(),
							a.fees() + b.fees(), a.refunded() + b.refunded(), a.refunds() + b.refunds(),
							a.net() + b.net()));
		}
		return List.copyOf(totals.values());
	}

	private List<ReferrerFigures> topReferrers(Scope scope) {
		return jdbc.sql("""
				select referrer, sum(views) as views from analytics_daily_referrers
				where creator_id = ? and bundle_id = ? and day between ? and ?
				group by referrer order by views desc, referrer limit ?
				""")
			.params(scope.creator().value(), scope.bundle(), scope.range().from(), scope.range().to(), TOP_REFERRERS)
			.query((rs, n) -> new ReferrerFigures(rs.getString("referrer"), rs.getLong("views")))
			.list();
	}
}
