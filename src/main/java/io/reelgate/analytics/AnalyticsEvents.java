package io.reelgate.analytics;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import io.reelgate.shared.AccountId;
import io.reelgate.shared.BundleId;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The raw events: appended once each (a repeated dedupe key is ignored) and deleted after the retention period. */
@Repository
class AnalyticsEvents {

	private final JdbcClient jdbc;

	private final Clock clock;

	AnalyticsEvents(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** @return whether the event was new (false: one with the same key was recorded before) */
	boolean append(Event event) {
		return jdbc.sql("""
				insert into analytics_events (kind, bundle_id, creator_id, day, occurred_at, recorded_at, dedupe_key,
				    unlock_kind, referrer, currency, gross_minor, fee_minor, net_minor, units, tax_minor)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (dedupe_key) do nothing
				""")
			.params(event.kind().name(), event.bundle().value(), event.creator().value(), event.day(),
					Timestamp.from(event.occurredAt()), Timestamp.from(clock.instant()), event.dedupeKey(),
					event.unlockKind(), event.referrer(), event.currency(), event.gross(), event.fee(),
					event.gross() - event.fee(), event.units(), event.tax())
			.update() == 1;
	}

	/** Days that have events written since {@code since}: the days whose rollups are out of date. */
	List<LocalDate> daysRecordedSince(Instant since) {
		return jdbc.sql("select distinct day from analytics_events where recorded_at >= ?")
			.param(Timestamp.from(since))
			.query(LocalDate.class)
			.list();
	}

	/** Deletes events of days before {@code keepFrom}, a batch at a time so that no transaction grows large. */
	long deleteBefore(LocalDate keepFrom) {
		long deleted = 0;
		int batch;
		do {
			batch = jdbc.sql("""
					delete from analytics_events where id in (
					    select id from analytics_events where day < ? limit 10000)
					""").param(keepFrom).update();
			deleted += batch;
		}
		while (batch > 0);
		return deleted;
	}

	enum Kind {
		VIEW, STREAM, UNLOCK, REFUND,
		/** A view of the buy card framed on another site; its referrer is that site's host. */
		EMBED
	}

	/**
	 * One raw event. Amounts are minor units of {@code currency} (null when no money moved); {@code gross} leaves
	 * the sales tax or VAT out, {@code tax} is that tax; {@code units} is -1 for a refund undone (a dispute the
	 * seller won).
	 */
	record Event(Kind kind, BundleId bundle, AccountId creator, Instant occurredAt, String dedupeKey,
			@Nullable String unlockKind, @Nullable String referrer, @Nullable String currency, long gross, long fee,
			int units, long tax) {

		/** An event with no tax on it. */
		Event(Kind kind, BundleId bundle, AccountId creator, Instant occurredAt, String dedupeKey,
				@Nullable String unlockKind, @Nullable String referrer, @Nullable String currency, long gross, long fee,
				int units) {
			this(kind, bundle, creator, occurredAt, dedupeKey, unlockKind, referrer, currency, gross, fee, units, 0);
		}

		LocalDate day() {
			return LocalDate.ofInstant(occurredAt, ZoneOffset.UTC);
		}

		static Event counted(Kind kind, BundleId bundle, AccountId creator, Instant at, String dedupeKey,
				@Nullable String referrer) {
			return new Event(kind, bundle, creator, at, dedupeKey, null, referrer, null, 0, 0, 1);
		}
	}
}
