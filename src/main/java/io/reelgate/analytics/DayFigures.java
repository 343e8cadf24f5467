package io.reelgate.analytics;

import java.time.LocalDate;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One day's counts (or, with a null day, the range's totals). Views count each visitor once per bundle and day;
 * the conversion rate is unlocks over those views. Plays and watch time are those of the plays started that day.
 */
public record DayFigures(@Nullable LocalDate day, long views, Map<String, Long> unlocks, long downloads,
		long streams, long plays, long watchedMillis) {

	/** Watch time in whole seconds, for exports. */
	public long watchedSeconds() {
		return watchedMillis / 1000;
	}

	/** Watch time as hours, minutes and seconds (1:02:03). */
	public String watchTime() {
		return WatchFigures.clock(watchedMillis);
	}

	public long unlocksOf(String kind) {
		return unlocks.getOrDefault(kind, 0L);
	}

	public long unlockTotal() {
		return unlocks.values().stream().mapToLong(Long::longValue).sum();
	}

	/** Unlocks per view, or null without views (a rate of nothing is not zero). */
	public @Nullable Double conversion() {
		return views == 0 ? null : (double) unlockTotal() / views;
	}
}
