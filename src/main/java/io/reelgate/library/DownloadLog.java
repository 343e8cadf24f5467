package io.reelgate.library;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.reelgate.catalog.FileView;
import io.reelgate.shared.AccountId;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Who downloaded which file, through which link, from which address, how often and how much: the access log a
 * seller shows as evidence when a buyer disputes a payment ("access_activity_log" in Stripe's dispute evidence).
 * One row per file, account, link, address and day, upserted: the range requests of a seeking player or a
 * segmenting download manager add to counters instead of adding rows.
 */
@Repository
public class DownloadLog {

	/** Marks downloads made with a session rather than a signed link. */
	static final Instant NO_LINK = Instant.EPOCH;

	private final JdbcClient jdbc;

	private final Clock clock;

	/** Bytes sent by downloads ({@code reelgate.downloads.bytes.served}), per kind of request. */
	private final Counter wholeBytes;

	private final Counter rangedBytes;

	DownloadLog(JdbcClient jdbc, Clock clock, MeterRegistry meters) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.wholeBytes = meters.counter("reelgate.downloads.bytes.served", "request", "whole");
		this.rangedBytes = meters.counter("reelgate.downloads.bytes.served", "request", "range");
	}

	/**
	 * Counts one GET.
	 * @param linkExpiresAt the expiry of the signed link used, or null for a signed-in download
	 * @param ranged whether the request asked for a range (resume, seek, segment)
	 * @param bytes the body's length as sent
	 */
	public void record(AccountId account, FileView file, @Nullable Instant linkExpiresAt, String clientIp,
			boolean ranged, long bytes) {
		(ranged ? rangedBytes : wholeBytes).increment(bytes);
		Instant now = clock.instant();
		jdbc.sql("""
				insert into download_activity (file_id, account_id, link_expires_at, client_ip, day, bundle_id,
				    requests, range_requests, bytes_served, first_at, last_at)
				values (?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)
				on conflict (file_id, account_id, link_expires_at, client_ip, day) do update set
				    requests = download_activity.requests + 1,
				    range_requests = download_activity.range_requests + excluded.range_requests,
				    bytes_served = download_activity.bytes_served + excluded.bytes_served,
				    last_at = excluded.last_at
				""")
			.params(file.id().value(), account.value(),
					Timestamp.from(linkExpiresAt == null ? NO_LINK : linkExpiresAt),
					clientIp.substring(0, Math.min(clientIp.length(), 64)), LocalDate.ofInstant(now, ZoneOffset.UTC),
					file.bundleId().value(), ranged ? 1 : 0, bytes, Timestamp.from(now), Timestamp.from(now))
			.update();
	}
}
