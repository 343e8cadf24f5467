package io.reelgate.analytics;

import java.time.LocalDate;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One day's counts (or, with a null day, the range's totals). Views count each visitor once per bundle and day;
 * the conversion rate is unlocks over those views.
 */
public record DayFigures(@Nullable LocalDate day, long views, Map<String, Long> unlocks, long downloads,
		long streams) {

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
