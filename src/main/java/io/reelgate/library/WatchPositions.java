package io.reelgate.library;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import io.reelgate.accounts.AccountDeleted;
import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.catalog.FileView;
import io.reelgate.catalog.MediaInfo;
import io.reelgate.shared.AccountId;
import io.reelgate.shared.BundleFileId;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where each viewer stopped watching each file, kept on the server so playback resumes on any device. Only those
 * who may watch the whole file ({@link DownloadPolicy#authorizeStream}) have positions; each report replaces the
 * last one (a retried report changes nothing), and a file watched to its end forgets its position.
 */
@Service
@Transactional
public class WatchPositions {

	/** Reports beyond this are refused before anything is looked up; no file plays for longer. */
	public static final Duration LONGEST = Duration.ofDays(2);

	/** A position this close to the end (or 5 % of the file, if that is less) means the file was watched through. */
	static final Duration END_CREDITS = Duration.ofSeconds(30);

	/** Positions before this are not worth resuming from. */
	static final Duration WORTH_RESUMING = Duration.ofSeconds(1);

	/** Sequence numbers beyond this are no player's (two days of reports every 10 s is about 17,000). */
	public static final int LAST_SEQ = 1_000_000;

	private final DownloadPolicy policy;

	private final WatchPlays plays;

	private final JdbcClient jdbc;

	private final Clock clock;

	WatchPositions(DownloadPolicy policy, WatchPlays plays, JdbcClient jdbc, Clock clock) {
		this.policy = policy;
		this.plays = plays;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Records how far the viewer got, bounded by the file's duration when it is known, and credits the playback
	 * since the play's last report to its watch time ({@link WatchPlays}).
	 * @param position from the start, between zero and {@link #LONGEST}
	 * @param play the player session reporting, or null from a player that names none (only the position is kept)
	 * @throws io.reelgate.catalog.BundleNotFoundException if the viewer may not watch the file
	 * @throws RentalRefusedException if the viewer's rental has ended
	 */
	public void report(AccountPrincipal viewer, BundleFileId fileId, Duration position, @Nullable Play play) {
		if (position.isNegative() || position.compareTo(LONGEST) > 0) {
			throw new IllegalArgumentException("position out of range: " + position);
		}
		FileView file = policy.authorizeStream(viewer, fileId);
		MediaInfo media = file.media();
		Long duration = media == null ? null : media.durationMillis();
		long millis = duration == null ? position.toMillis() : Math.min(position.toMillis(), duration);
		if (play != null) {
			plays.credit(viewer.accountId(), file, play, millis);
		}
		if (duration != null && duration - millis < Math.min(END_CREDITS.toMillis(), duration / 20)) {
			forget(viewer.accountId(), fileId);
			return;
		}
		jdbc.sql("""
				insert into watch_positions (account_id, file_id, position_ms, updated_at) values (?, ?, ?, ?)
				on conflict (account_id, file_id) do update set
				    position_ms = excluded.position_ms, updated_at = excluded.updated_at
				""")
			.params(viewer.accountId().value(), fileId.value(), (int) millis, Timestamp.from(clock.instant()))
			.update();
	}

	/** Where this viewer (and only this viewer) may resume the file, if anywhere. */
	@Transactional(readOnly = true)
	public Optional<Duration> resumeAt(AccountId viewer, BundleFileId fileId) {
		return jdbc.sql("select position_ms from watch_positions where account_id = ? and file_id = ?")
			.params(viewer.value(), fileId.value())
			.query(Integer.class)
			.optional()
			.map(Duration::ofMillis)
			.filter(position -> position.compareTo(WORTH_RESUMING) >= 0);
	}

	/**
	 * A deleted account's viewing habits are nobody's business: its positions go, and its plays stay in the
	 * creators' figures without the account.
	 */
	@ApplicationModuleListener
	void on(AccountDeleted event) {
		jdbc.sql("delete from watch_positions where account_id = ?").param(event.account().value()).update();
		jdbc.sql("update watch_plays set account_id = null where account_id = ?").param(event.account().value())
			.update();
	}

	private void forget(AccountId viewer, BundleFileId fileId) {
		jdbc.sql("delete from watch_positions where account_id = ? and file_id = ?")
			.params(viewer.value(), fileId.value())
			.update();
	}

	/** One player session's report: the page's random play id and the report's number in it, counting up. */
	public record Play(UUID id, int seq) {

		public Play {
			if (seq < 0 || seq > LAST_SEQ) {
				throw new IllegalArgumentException("sequence number out of range: " + seq);
			}
		}
	}
}
