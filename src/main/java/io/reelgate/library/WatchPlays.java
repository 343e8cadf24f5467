package io.reelgate.library;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import io.reelgate.catalog.FileView;
import io.reelgate.shared.AccountId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Watch time, credited from the player's position reports: each report of a play (one player page's session, named
 * by a random id) credits how far playback moved forward since the play's last report, but never more than the
 * time that passed between the two reports (plus {@link #SLACK} for a report that took a while to arrive) nor more
 * than {@link #MOST_PER_REPORT}. So a seek forward counts only the seconds it took, playing at double speed counts
 * the time spent, a retried or replayed report (its sequence number is not above the last one) adds nothing, and no
 * burst of forged reports adds more than the clock allows. Seeking back and watching again counts again: it is time
 * spent watching. Called inside {@link WatchPositions#report}'s transaction.
 */
@Component
class WatchPlays {

	/** Reports come every 10 s of playback; one that arrives late, after a network hiccup, still counts in full. */
	static final Duration SLACK = Duration.ofSeconds(2);

	/** The most one report credits, whatever time passed: the player reports at least every 10 s while playing. */
	static final Duration MOST_PER_REPORT = Duration.ofSeconds(60);

	/** Watch time that makes a session a play (half of a file shorter than twice this): more than a glance. */
	static final Duration PLAY = Duration.ofSeconds(5);

	private final JdbcClient jdbc;

	private final Clock clock;

	WatchPlays(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Credits one report to its play, starting the play on its first report. A play id that is another viewer's or
	 * another file's changes nothing.
	 */
	void credit(AccountId viewer, FileView file, WatchPositions.Play play, long positionMillis) {
		Instant now = clock.instant();
		int position = (int) positionMillis;
		boolean started = jdbc.sql("""
				insert into watch_plays (id, account_id, bundle_id, file_id, day, started_at, last_report_at, last_seq,
				    position_ms, play_ms)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (id) do nothing
				""")
			.params(play.id(), viewer.value(), file.bundleId().value(), file.id().value(),
					LocalDate.ofInstant(now, ZoneOffset.UTC), Timestamp.from(now), Timestamp.from(now), play.seq(),
					position, playThreshold(file))
			.update() == 1;
		if (started) {
			return;
		}
		record Last(Instant at, int seq, int position) {
		}
		Last last = jdbc.sql("""
				select last_report_at, last_seq, position_ms from watch_plays
				where id = ? and account_id = ? and file_id = ? for update
				""")
			.params(play.id(), viewer.value(), file.id().value())
			.query((rs, n) -> new Last(rs.getTimestamp(1).toInstant(), rs.getInt(2), rs.getInt(3)))
			.optional()
			.orElse(null);
		if (last == null || play.seq() <= last.seq()) {
			return;
		}
		long elapsed = Math.max(0, Duration.between(last.at(), now).plus(SLACK).toMillis());
		long credit = Math.min(Math.max(0, position - last.position()),
				Math.min(elapsed, MOST_PER_REPORT.toMillis()));
		jdbc.sql("""
				update watch_plays set last_report_at = ?, last_seq = ?, position_ms = ?, watched_ms = watched_ms + ?
				where id = ?
				""")
			.params(Timestamp.from(now), play.seq(), position, credit, play.id())
			.update();
	}

	private static int playThreshold(FileView file) {
		Long duration = file.media() == null ? null : file.media().durationMillis();
		long play = PLAY.toMillis();
		return (int) (duration == null || duration >= 2 * play ? play : Math.max(1, duration / 2));
	}
}
