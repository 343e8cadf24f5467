package io.reelgate.analytics;

import java.util.Locale;

import io.reelgate.shared.BundleFileId;
import io.reelgate.shared.BundleId;
import org.jspecify.annotations.Nullable;

/**
 * One file's plays and watch time over a range of days. A play is a viewer's session of the player that reached
 * five seconds of watching (half the file, for one shorter than ten); watch time is the playback of every session,
 * counted no faster than the clock.
 * @param fileName null for a file that was removed since
 */
public record WatchFigures(BundleId bundle, @Nullable String bundleTitle, BundleFileId file, @Nullable String fileName, long plays,
		long watchedMillis) {

	public long watchedSeconds() {
		return watchedMillis / 1000;
	}

	/** Watch time as hours, minutes and seconds (1:02:03), as people read it. */
	public String watchTime() {
		return clock(watchedMillis);
	}

	static String clock(long millis) {
		long seconds = millis / 1000;
		return String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
	}

	/** Watch time per play in whole seconds, or null without plays. */
	public @Nullable Long secondsPerPlay() {
		return plays == 0 ? null : watchedMillis / plays / 1000;
	}
}
