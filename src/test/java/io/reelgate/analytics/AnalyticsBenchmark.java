package io.reelgate.analytics;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.IntFunction;

import io.reelgate.ReelgateApplication;
import io.reelgate.shared.AccountId;
import io.reelgate.shared.BundleId;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Not a test: run by bench/analytics.sh (see bench/README.md). Starts the application on a throw-away embedded
 * PostgreSQL, loads a year of synthetic events for BENCH_BUNDLES bundles of BENCH_CREATORS creators, rolls them up
 * with the production rollup, then times the studio's report (the dashboard's whole database work, ownership check
 * included) for all of a creator's bundles and for one bundle, over 90 and 365 days. The scheduled rollup job is
 * kept out of the way (it would start after a day) and raw events are kept for longer than the year loaded.
 */
public final class AnalyticsBenchmark {

	private AnalyticsBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int bundles = setting("BENCH_BUNDLES", 1000);
		int creators = setting("BENCH_CREATORS", 100);
		int events = setting("BENCH_EVENTS", 1_000_000);
		int runs = setting("BENCH_RUNS", 300);
		Path work = Files.createTempDirectory("reelgate-bench-analytics");
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(ReelgateApplication.class)
			.properties(Map.of("server.port", "0", "reelgate.embedded-postgres.data-directory", "",
					"reelgate.embedded-postgres.port", "0", "reelgate.storage.filesystem-root",
					work.resolve("storage").toString(), "reelgate.downloads.links.secret-file",
					work.resolve("link-secret").toString(), "reelgate.uploads.staging-directory",
					work.resolve("uploads").toString(), "reelgate.analytics.rollup-interval", "1d",
					"reelgate.analytics.rollup-lookback", "2d", "reelgate.analytics.retention", "400d",
					"logging.level.root", "warn"))
			.run()) {
			JdbcClient jdbc = app.getBean(JdbcClient.class);
			LocalDate today = LocalDate.now(ZoneOffset.UTC);

			long started = System.nanoTime();
			load(jdbc, creators, bundles, events);
			System.out.printf(Locale.ROOT, "loaded %,d events for %,d bundles of %,d creators in %.1f s%n",
					count(jdbc, "analytics_events"), bundles, creators, seconds(started));

			started = System.nanoTime();
			List<LocalDate> year = DateRange.lastDays(DateRange.MAX_DAYS, today).days();
			Rollups rollups = app.getBean(Rollups.class);
			for (int i = 0; i < year.size(); i += 31) {
				rollups.rollUp(year.subList(i, Math.min(year.size(), i + 31)));
			}
			System.out.printf(Locale.ROOT, "rolled up %d days in %.1f s: %,d daily rows, %,d unlock rows, "
					+ "%,d money rows, %,d referrer rows%n", year.size(), seconds(started),
					count(jdbc, "analytics_daily"), count(jdbc, "analytics_daily_unlocks"),
					count(jdbc, "analytics_daily_money"), count(jdbc, "analytics_daily_referrers"));
			jdbc.sql("vacuum analyze analytics_daily, analytics_daily_unlocks, analytics_daily_money, "
					+ "analytics_daily_referrers").update();

			started = System.nanoTime();
			rollups.rollUp(List.of(today.minusDays(1), today));
			System.out.printf(Locale.ROOT, "one scheduled run (today and yesterday): %.0f ms%n",
					seconds(started) * 1000);

			AnalyticsReports reports = app.getBean(AnalyticsReports.class);
			Random random = new Random(7);
			System.out.printf("%n| dashboard query | range | p50 | p95 | p99 | max |%n| --- | --- | --- | --- | --- | --- |%n");
			for (int days : new int[] { 90, 365 }) {
				DateRange range = DateRange.lastDays(days, today);
				time("all of a creator's bundles", days, runs, i -> {
					int creator = random.nextInt(creators);
					return () -> reports.report(new AccountId(uuid("creator" + creator)), null, range);
				});
				time("one bundle", days, runs, i -> {
					int bundle = 1 + random.nextInt(bundles);
					return () -> reports.report(new AccountId(uuid("creator" + (bundle % creators))),
							new BundleId(uuid("bundle" + bundle)), range);
				});
			}
		}
	}

	private static void load(JdbcClient jdbc, int creators, int bundles, int events) {
		jdbc.sql("""
				insert into accounts (id, email, display_name, password_hash, role, created_at, version)
				select md5('creator' || i)::uuid, 'bench-' || i || '@bench.test', 'Bench creator ' || i, 'none',
				       'CREATOR', now(), 0
				from generate_series(0, ? - 1) i
				""").param(creators).update();
		jdbc.sql("""
				insert into bundles (id, owner_id, creator_name, title, summary, description, status, gate,
				    created_at, published_at, version)
				select md5('bundle' || j)::uuid, md5('creator' || (j % ?))::uuid, 'Bench creator ' || (j % ?),
				       'Bench bundle ' || j, 'Summary', 'Description', 'PUBLISHED', 'FREE', now(), now(), 0
				from generate_series(1, ?) j
				""").params(creators, creators, bundles).update();
		// 80 % views (a few referrers), 10 % preview streams, 9 % unlocks (two thirds paid, in USD or EUR by
		// bundle), 1 % refunds, spread evenly over the last 365 days.
		int batch = 100_000;
		for (int from = 1; from <= events; from += batch) {
			jdbc.sql("""
					insert into analytics_events (kind, bundle_id, creator_id, day, occurred_at, recorded_at,
					    dedupe_key, unlock_kind, referrer, currency, gross_minor, fee_minor, net_minor)
					select kind, md5('bundle' || b)::uuid, md5('creator' || (b % :creators))::uuid,
					       (ts at time zone 'UTC')::date, ts, now(), 'bench-' || n,
					       case when kind = 'UNLOCK' then case when r2 < 0.67 then 'PURCHASE' else 'EMAIL' end end,
					       case when kind = 'VIEW' then (array['', 'example.com', 'news.example.org', 'ref:launch',
					           'ref:newsletter', 'social.example'])[1 + n % 6] end,
					       case when money then case when b % 3 = 0 then 'EUR' else 'USD' end end,
					       case when money then gross else 0 end, case when money then gross / 10 else 0 end,
					       case when money then gross - gross / 10 else 0 end
					from (
					    select n, 1 + n % :bundles as b, now() - random() * interval '365 days' as ts, r, r2,
					           case when r < 0.8 then 'VIEW' when r < 0.9 then 'STREAM' when r < 0.99 then 'UNLOCK'
					                else 'REFUND' end as kind,
					           (r >= 0.9 and r < 0.99 and r2 < 0.67) or r >= 0.99 as money,
					           500 + (n % 10) * 100 as gross
					    from (select n, random() as r, random() as r2 from generate_series(:from, :to) n) g
					) s
					""")
				.param("creators", creators)
				.param("bundles", bundles)
				.param("from", from)
				.param("to", Math.min(events, from + batch - 1))
				.update();
		}
		jdbc.sql("analyze analytics_events").update();
	}

	private static void time(String what, int days, int runs, IntFunction<Runnable> query) {
		for (int i = 0; i < 30; i++) {
			query.apply(i).run();
		}
		double[] millis = new double[runs];
		for (int i = 0; i < runs; i++) {
			Runnable run = query.apply(i);
			long started = System.nanoTime();
			run.run();
			millis[i] = (System.nanoTime() - started) / 1e6;
		}
		Arrays.sort(millis);
		System.out.printf(Locale.ROOT, "| %s | %d days | %.1f ms | %.1f ms | %.1f ms | %.1f ms |%n", what, days,
				percentile(millis, 50), percentile(millis, 95), percentile(millis, 99), millis[millis.length - 1]);
	}

	private static double percentile(double[] sorted, int p) {
		return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
	}

	private static UUID uuid(String seed) {
		return UUID.fromString(new StringBuilder(md5(seed)).insert(8, '-').insert(13, '-').insert(18, '-')
			.insert(23, '-').toString());
	}

	private static String md5(String text) {
		try {
			byte[] digest = java.security.MessageDigest.getInstance("MD5")
				.digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
			return java.util.HexFormat.of().formatHex(digest);
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static long count(JdbcClient jdbc, String table) {
		return jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

	private static double seconds(long since) {
		return (System.nanoTime() - since) / 1e9;
	}

	private static int setting(String name, int fallback) {
		String value = System.getenv(name);
		return value == null || value.isBlank() ? fallback : Integer.parseInt(value.replace("_", ""));
	}
}
