package io.reelgate.torrents;

import java.io.EOFException;
import java.nio.file.NoSuchFileException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Files whose piece hashes could not be computed (see V31): why, and whether and when to try again. A missing or
 * truncated blob will not come right by itself, so it is not tried again until an admin asks; a read error is, later
 * after each failure.
 */
@Repository
class HashFailures {

	/** The longest wait before trying an unreadable file again. */
	static final Duration MAX_BACKOFF = Duration.ofDays(1);

	private static final int DETAIL_LENGTH = 300;

	private final JdbcClient jdbc;

	private final Clock clock;

	HashFailures(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Why hashing a file failed. */
	enum Reason {

		/** The store has no blob under the file's key. */
		MISSING,
		/** The blob is shorter than the file's recorded size. */
		TRUNCATED,
		/** Reading failed otherwise (network, permissions): worth trying again. */
		UNREADABLE;

		static Reason of(Exception failure) {
			if (failure instanceof NoSuchFileException) {
				return MISSING;
			}
			return failure instanceof EOFException ? TRUNCATED : UNREADABLE;
		}

		boolean retried() {
			return this == UNREADABLE;
		}
	}

	/** A recorded failure; {@code retryAt} is null when it is not tried again by itself. */
	record Failure(UUID fileId, Reason reason, String detail, int attempts, @Nullable Instant retryAt,
			Instant failedAt) {
	}

	/**
	 * Records a failure (one more attempt if the file had failed before) and returns it. An unreadable file is tried
	 * again after {@code interval} doubled per earlier attempt, at most {@link #MAX_BACKOFF}.
	 */
	Failure record(UUID fileId, Exception failure, Duration interval) {
		Reason reason = Reason.of(failure);
		String detail = failure.getClass().getSimpleName()
				+ (failure.getMessage() == null ? "" : ": " + failure.getMessage());
		int attempts = jdbc.sql("select attempts from torrent_hash_failures where file_id = ?")
			.param(fileId)
			.query(Integer.class)
			.optional()
			.orElse(0) + 1;
		Instant now = clock.instant();
		Instant retryAt = reason.retried() ? now.plus(backoff(interval, attempts)) : null;
		jdbc.sql("""
				insert into torrent_hash_failures (file_id, reason, detail, attempts, retry_at, failed_at)
				select :id, :reason, :detail, :attempts, :retryAt, :now
				where exists (select 1 from bundle_files where id = :id)
				on conflict (file_id) do update set reason = excluded.reason, detail = excluded.detail,
				    attempts = excluded.attempts, retry_at = excluded.retry_at, failed_at = excluded.failed_at
				""")
			.param("id", fileId)
			.param("reason", reason.name())
			.param("detail", detail.substring(0, Math.min(detail.length(), DETAIL_LENGTH)))
			.param("attempts", attempts)
			.param("retryAt", retryAt == null ? null : Timestamp.from(retryAt))
			.param("now", Timestamp.from(now))
			.update();
		return new Failure(fileId, reason, detail, attempts, retryAt, now);
	}

	static Duration backoff(Duration interval, int attempts) {
		Duration wait = interval;
		for (int i = 1; i < attempts && wait.compareTo(MAX_BACKOFF) < 0; i++) {
			wait = wait.multipliedBy(2);
		}
		return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
	}

	/** Forgets a file's failure: after its hashes were computed, or when an admin asks to try again. */
	boolean clear(UUID fileId) {
		return jdbc.sql("delete from torrent_hash_failures where file_id = ?").param(fileId).update() == 1;
	}

	/** A failure with the file and bundle it concerns, for the admin page. */
	record FailedFile(Failure failure, UUID bundleId, String bundleTitle, String fileName) {
	}

	/** The most recent failures, reading the catalog's names directly (one join, as {@link PieceHashes} does). */
	List<FailedFile> recent(int limit) {
		return jdbc.sql("""
				select x.*, f.bundle_id, f.display_name, b.title from torrent_hash_failures x
				join bundle_files f on f.id = x.file_id join bundles b on b.id = f.bundle_id
				order by x.failed_at desc, x.file_id limit ?
				""")
			.param(limit)
			.query((rs, n) -> new FailedFile(failure(rs), rs.getObject("bundle_id", UUID.class), rs.getString("title"),
					rs.getString("display_name")))
			.list();
	}

	Map<UUID, Failure> of(Collection<UUID> fileIds) {
		if (fileIds.isEmpty()) {
			return Map.of();
		}
		return jdbc.sql("select * from torrent_hash_failures where file_id in (:ids)")
			.param("ids", List.copyOf(fileIds))
			.query((rs, n) -> failure(rs))
			.list()
			.stream()
			.collect(Collectors.toMap(Failure::fileId, f -> f));
	}

	private static Failure failure(ResultSet rs) throws SQLException {
		Timestamp retryAt = rs.getTimestamp("retry_at");
		return new Failure(rs.getObject("file_id", UUID.class), Reason.valueOf(rs.getString("reason")),
				rs.getString("detail"), rs.getInt("attempts"), retryAt == null ? null : retryAt.toInstant(),
				rs.getTimestamp("failed_at").toInstant());
	}
}
