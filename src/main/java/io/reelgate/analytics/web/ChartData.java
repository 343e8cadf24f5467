package io.reelgate.analytics.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

import io.reelgate.analytics.AnalyticsReport;
import io.reelgate.analytics.DayFigures;
import io.reelgate.analytics.MoneyFigures;

/**
 * What static/js/analytics.js draws: a value per day of the range for each series, money per currency in major
 * units (one series per currency, never added together), watch time in minutes.
 */
record ChartData(List<LocalDate> days, List<Long> views, List<Long> unlocks, List<Long> downloads,
		List<Long> streams, List<Long> plays, List<BigDecimal> watchMinutes, List<CurrencySeries> money) {

	record CurrencySeries(String currency, List<BigDecimal> gross, List<BigDecimal> net) {
	}

	static ChartData of(AnalyticsReport report) {
		List<LocalDate> days = report.range().days();
		Map<String, Map<LocalDate, MoneyFigures>> byCurrency = new HashMap<>();
		report.money().forEach(m -> byCurrency.computeIfAbsent(m.currency(), c -> new HashMap<>()).put(m.day(), m));
		List<CurrencySeries> money = report.moneyTotals()
			.stream()
			.map(total -> new CurrencySeries(total.currency(),
					series(days, total, byCurrency.get(total.currency()), MoneyFigures::gross),
					series(days, total, byCurrency.get(total.currency()), MoneyFigures::net)))
			.toList();
		List<DayFigures> figures = report.days();
		return new ChartData(days, figures.stream().map(DayFigures::views).toList(),
				figures.stream().map(DayFigures::unlockTotal).toList(),
				figures.stream().map(DayFigures::downloads).toList(), figures.stream().map(DayFigures::streams).toList(),
				figures.stream().map(DayFigures::plays).toList(),
				figures.stream()
					.map(d -> BigDecimal.valueOf(d.watchedMillis()).divide(BigDecimal.valueOf(60_000), 1,
							RoundingMode.HALF_UP))
					.toList(),
				money);
	}

	private static List<BigDecimal> series(List<LocalDate> days, MoneyFigures currency,
			Map<LocalDate, MoneyFigures> byDay, ToLongFunction<MoneyFigures> amount) {
		return days.stream().map(day -> {
			MoneyFigures m = byDay.get(day);
			return currency.decimal(m == null ? 0 : amount.applyAsLong(m));
		}).toList();
	}
}
