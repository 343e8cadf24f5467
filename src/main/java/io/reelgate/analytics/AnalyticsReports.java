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
		UUID scope = bundle == null ? Rollups.ALL_BUNDLES : bundle.value();
		Map<LocalDate, long[]> counts = new HashMap<>();
		jdbc.sql("""
				select day, views, streams, downloads from analytics_daily
				where creator_id = ? and bundle_id = ? and day between ? and ?
				""")
			.params(creator.value(), scope, range.from(), range.to())
			.query(rs -> {
				counts.put(rs.getObject("day", LocalDate.class),
						new long[] { rs.getLong("views"), rs.getLong("streams"), rs.getLong("downloads") });
			});
		Map<LocalDate, Map<String, Long>> unlocks = new HashMap<>();
		TreeSet<String> kinds = new TreeSet<>();
		jdbc.sql("""
				select day, kind, unlocks from analytics_daily_unlocks
				where creator_id = ? and bundle_id = ? and day between ? and ?
				""")
			.params(creator.value(), scope, range.from(), range.to())
			.query(rs -> {
				String kind = rs.getString("kind");
				kinds.add(kind);
				unlocks.computeIfAbsent(rs.getObject("day", LocalDate.class), d -> new TreeMap<>())
					.put(kind, rs.getLong("unlocks"));
			});
		List<DayFigures> days = new ArrayList<>();
		long views = 0;
		long streams = 0;
		long downloads = 0;
		Map<String, Long> unlockTotals = new TreeMap<>();
		for (LocalDate day : range.days()) {
			long[] c = counts.getOrDefault(day, new long[3]);
			Map<String, Long> u = unlocks.getOrDefault(day, Map.of());
			days.add(new DayFigures(day, c[0], u, c[2], c[1]));
			views += c[0];
			streams += c[1];
			downloads += c[2];
			u.forEach((kind, n) -> unlockTotals.merge(kind, n, Long::sum));
		}
		List<MoneyFigures> money = jdbc.sql("""
				select day, currency, gross, fees, refunded, refunds, net from analytics_daily_money
				where creator_id = ? and bundle_id = ? and day between ? and ? order by day, currency
				""")
			.params(creator.value(), scope, range.from(), range.to())
			.query((rs, n) -> new MoneyFigures(rs.getObject("day", LocalDate.class), rs.getString("currency"),
					rs.getLong("gross"), rs.getLong("fees"), rs.getLong("refunded"), rs.getLong("refunds"),
					rs.getLong("net")))
			.list();
		Map<String, MoneyFigures> moneyTotals = new TreeMap<>();
		for (MoneyFigures m : money) {
			moneyTotals.merge(m.currency(), new MoneyFigures(null, m.currency(), m.gross(), m.fees(), m.refunded(),
					m.refunds(), m.net()), (a, b) -> new MoneyFigures(null, a.currency(), a.gross() + b.gross(),
							a.fees() + b.fees(), a.refunded() + b.refunded(), a.refunds() + b.refunds(),
							a.net() + b.net()));
		}
		List<ReferrerFigures> referrers = jdbc.sql("""
				select referrer, sum(views) as views from analytics_daily_referrers
				where creator_id = ? and bundle_id = ? and day between ? and ?
				group by referrer order by views desc, referrer limit ?
				""")
			.params(creator.value(), scope, range.from(), range.to(), TOP_REFERRERS)
			.query((rs, n) -> new ReferrerFigures(rs.getString("referrer"), rs.getLong("views")))
			.list();
		return new AnalyticsReport(title, range, days, List.copyOf(kinds),
				new DayFigures(null, views, new LinkedHashMap<>(unlockTotals), downloads, streams), money,
				List.copyOf(moneyTotals.values()), referrers);
	}
}
