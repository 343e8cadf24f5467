package io.reelgate.analytics;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import io.reelgate.library.DownloadActivity;
import io.reelgate.library.DownloadActivity.DailyDownloads;
import io.reelgate.library.WatchActivity;
import io.reelgate.library.WatchActivity.DailyWatching;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rolls raw events up into per bundle and day figures, then those into per creator and day figures (the row with
 * bundle id {@link #ALL_BUNDLES}). A day is recomputed as a whole from its events and written with an upsert, so
 * rolling a day up again, on any instance, gives the same rows: the job can re-run, overlap days, or catch up.
 * Downloads, plays and watch time come from the library's download and watch activity for the same days.
 */
@Component
@Transactional
class Rollups {

	/** The bundle id under which a creator's figures over all their bundles are kept. */
	static final UUID ALL_BUNDLES = new UUID(0, 0);

	private final JdbcClient jdbc;

	private final DownloadActivity downloads;

	private final WatchActivity watching;

	Rollups(JdbcClient jdbc, DownloadActivity downloads, WatchActivity watching) {
		this.jdbc = jdbc;
		this.downloads = downloads;
		this.watching = watching;
	}

	void rollUp(Collection<LocalDate> days) {
		if (days.isEmpty()) {
			return;
		}
		// One rollup at a time across the cluster (the job, a backfill): two upserting the same rows in different
		// orders could deadlock.
		jdbc.sql("select pg_advisory_xact_lock(hashtext('analytics-rollup'))").query((rs, n) -> 1).list();
		List<LocalDate> list = List.copyOf(days);
		perBundle(list);
		for (DailyDownloads d : downloads.daily(list)) {
			jdbc.sql("""
					insert into analytics_daily (creator_id, bundle_id, day, downloads) values (?, ?, ?, ?)
					on conflict (creator_id, bundle_id, day) do update set downloads = excluded.downloads
					""")
				.params(d.creator().value(), d.bundle().value(), d.day(), d.downloads())
				.update();
		}
		watching(list);
		overall(list);
	}

	/** Per file, so replaced as a whole per day; the report adds files up per bundle and over all bundles. */
	private void watching(List<LocalDate> days) {
		jdbc.sql("delete from analytics_daily_watch where day in (:days)").param("days", days).update();
		for (DailyWatching w : watching.daily(days)) {
			jdbc.sql("""
					insert into analytics_daily_watch (creator_id, bundle_id, file_id, day, plays, watched_ms)
					values (?, ?, ?, ?, ?, ?)
					""")
				.params(w.creator().value(), w.bundle().value(), w.file().value(), w.day(), w.plays(),
						w.watchedMillis())
				.update();
		}
	}

	private void perBundle(List<LocalDate> days) {
		viewsAndStreams(days);
		unlocks(days);
		money(days);
		referrers(days);
	}

	private void viewsAndStreams(List<LocalDate> days) {
		jdbc.sql("""
				insert into analytics_daily (creator_id, bundle_id, day, views, streams)
				select creator_id, bundle_id, day, count(*) filter (where kind = 'VIEW'),
				       count(*) filter (where kind = 'STREAM')
				from analytics_events where day in (:days) and kind in ('VIEW', 'STREAM')
				group by creator_id, bundle_id, day
				on conflict (creator_id, bundle_id, day) do update
				    set views = excluded.views, streams = excluded.streams
				""").param("days", days).update();
	}

	private void unlocks(List<LocalDate> days) {
		jdbc.sql("""
				insert into analytics_daily_unlocks (creator_id, bundle_id, day, kind, unlocks)
				select creator_id, bundle_id, day, unlock_kind, count(*)
				from analytics_events where day in (:days) and kind = 'UNLOCK'
				group by creator_id, bundle_id, day, unlock_kind
				on conflict (creator_id, bundle_id, day, kind) do update set unlocks = excluded.unlocks
				""").param("days", days).update();
	}

	/** Sales and refunds per currency; a refund's fee and net are taken off the day it happened. */
	private void money(List<LocalDate> days) {
		jdbc.sql("""
				insert into analytics_daily_money (creator_id, bundle_id, day, currency, gross, fees, refunded, refunds,
				    net, tax, tax_refunded)
				select creator_id, bundle_id, day, currency,
				       coalesce(sum(gross_minor) filter (where kind = 'UNLOCK'), 0),
				       coalesce(sum(fee_minor) filter (where kind = 'UNLOCK'), 0)
				           - coalesce(sum(fee_minor) filter (where kind = 'REFUND'), 0),
				       coalesce(sum(gross_minor) filter (where kind = 'REFUND'), 0),
				       coalesce(sum(units) filter (where kind = 'REFUND'), 0),
				       coalesce(sum(net_minor) filter (where kind = 'UNLOCK'), 0)
				           - coalesce(sum(net_minor) filter (where kind = 'REFUND'), 0),
				       coalesce(sum(tax_minor) filter (where kind = 'UNLOCK'), 0),
				       coalesce(sum(tax_minor) filter (where kind = 'REFUND'), 0)
				from analytics_events
				where day in (:days) and kind in ('UNLOCK', 'REFUND') and currency is not null
				group by creator_id, bundle_id, day, currency
				on conflict (creator_id, bundle_id, day, currency) do update
				    set gross = excluded.gross, fees = excluded.fees, refunded = excluded.refunded,
				        refunds = excluded.refunds, net = excluded.net, tax = excluded.tax,
				        tax_refunded = excluded.tax_refunded
				""").param("days", days).update();
	}

	private void referrers(List<LocalDate> days) {
		jdbc.sql("""
				insert into analytics_daily_referrers (creator_id, bundle_id, day, referrer, views)
				select creator_id, bundle_id, day,
				       case when kind = 'EMBED' then 'embed:' else '' end || coalesce(referrer, ''), count(*)
				from analytics_events where day in (:days) and kind in ('VIEW', 'EMBED')
				group by creator_id, bundle_id, day, kind, coalesce(referrer, '')
				on conflict (creator_id, bundle_id, day, referrer) do update set views = excluded.views
				""").param("days", days).update();
	}

	private void overall(List<LocalDate> days) {
		jdbc.sql("""
				insert into analytics_daily (creator_id, bundle_id, day, views, streams, downloads)
				select creator_id, :all, day, sum(views), sum(streams), sum(downloads)
				from analytics_daily where day in (:days) and bundle_id <> :all
				group by creator_id, day
				on conflict (creator_id, bundle_id, day) do update
				    set views = excluded.views, streams = excluded.streams, downloads = excluded.downloads
				""").param("days", days).param("all", ALL_BUNDLES).update();
		jdbc.sql("""
				insert into analytics_daily_unlocks (creator_id, bundle_id, day, kind, unlocks)
				select creator_id, :all, day, kind, sum(unlocks)
				from analytics_daily_unlocks where day in (:days) and bundle_id <> :all
				group by creator_id, day, kind
				on conflict (creator_id, bundle_id, day, kind) do update set unlocks = excluded.unlocks
				""").param("days", days).param("all", ALL_BUNDLES).update();
		jdbc.sql("""
				insert into analytics_daily_money (creator_id, bundle_id, day, currency, gross, fees, refunded, refunds,
				    net, tax, tax_refunded)
				select creator_id, :all, day, currency, sum(gross), sum(fees), sum(refunded), sum(refunds), sum(net),
				       sum(tax), sum(tax_refunded)
				from analytics_daily_money where day in (:days) and bundle_id <> :all
				group by creator_id, day, currency
				on conflict (creator_id, bundle_id, day, currency) do update
				    set gross = excluded.gross, fees = excluded.fees, refunded = excluded.refunded,
				        refunds = excluded.refunds, net = excluded.net, tax = excluded.tax,
				        tax_refunded = excluded.tax_refunded
				""").param("days", days).param("all", ALL_BUNDLES).update();
		jdbc.sql("""
				insert into analytics_daily_referrers (creator_id, bundle_id, day, referrer, views)
				select creator_id, :all, day, referrer, sum(views)
				from analytics_daily_referrers where day in (:days) and bundle_id <> :all
				group by creator_id, day, referrer
				on conflict (creator_id, bundle_id, day, referrer) do update set views = excluded.views
				""").param("days", days).param("all", ALL_BUNDLES).update();
	}
}
