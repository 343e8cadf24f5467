package io.reelgate.analytics;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A creator's figures over a range of days, for one bundle ({@code title} set) or all their bundles: every day of
 * the range (zeros included, so charts have no gaps), the unlock kinds that occur, money per day and currency, the
 * totals, the top referrers of the bundle page and, apart, of the buy card embedded on other sites (the embedding
 * host), and plays and watch time per file (most watched first).
 */
public record AnalyticsReport(@Nullable String title, DateRange range, List<DayFigures> days,
		List<String> unlockKinds, DayFigures totals, List<MoneyFigures> money, List<MoneyFigures> moneyTotals,
		List<ReferrerFigures> referrers, List<ReferrerFigures> embedReferrers, List<WatchFigures> files) {
}
