package io.reelgate.analytics.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import io.reelgate.analytics.AnalyticsReport;
import io.reelgate.analytics.DayFigures;
import io.reelgate.analytics.MoneyFigures;
import io.reelgate.analytics.ReferrerFigures;
import io.reelgate.analytics.WatchFigures;
import io.reelgate.shared.CsvTable;

/**
 * The analytics page's tables as CSV, one method a table. Columns are only ever added at the end, so a creator's
 * spreadsheet that reads them by position keeps working.
 */
final class AnalyticsCsv {

	private AnalyticsCsv() {
	}

	/**
	 * @param scope what the rows are about: the bundle's title, or "all bundles"
	 * @return the table named {@code days}, {@code watch}, {@code money} or {@code referrers}; empty for any other
	 */
	static Optional<CsvTable> table(String table, AnalyticsReport report, String scope) {
		return switch (table) {
			case "days" -> Optional.of(days(report, scope));
			case "watch" -> Optional.of(watch(report));
			case "money" -> Optional.of(money(report, scope));
			case "referrers" -> Optional.of(referrers(report));
			default -> Optional.empty();
		};
	}

	private static CsvTable days(AnalyticsReport report, String scope) {
		CsvTable csv = new CsvTable();
		List<Object> header = new ArrayList<>(List.of("bundle", "date", "views", "unlocks"));
		report.unlockKinds().forEach(kind -> header.add("unlocks_" + kind.toLowerCase(Locale.ROOT)));
		header.addAll(List.of("conversion_rate", "downloads", "streams", "plays", "watch_seconds"));
		csv.row(header);
		for (DayFigures d : report.days()) {
			List<Object> row = new ArrayList<>(List.of(scope, d.day().toString(), d.views(), d.unlockTotal()));
			report.unlockKinds().forEach(kind -> row.add(d.unlocksOf(kind)));
			row.add(d.conversion() == null ? "" : String.format(Locale.ROOT, "%.4f", d.conversion()));
			row.add(d.downloads());
			row.add(d.streams());
			row.add(d.plays());
			row.add(d.watchedSeconds());
			csv.row(row);
		}
		return csv;
	}

	private static CsvTable watch(AnalyticsReport report) {
		CsvTable csv = new CsvTable().row(List.of("bundle", "file", "plays", "watch_seconds", "seconds_per_play"));
		for (WatchFigures w : report.files()) {
			csv.row(List.of(Objects.requireNonNullElse(w.bundleTitle(), ""),
					Objects.requireNonNullElse(w.fileName(), ""), w.plays(), w.watchedSeconds(),
					w.secondsPerPlay() == null ? "" : w.secondsPerPlay()));
		}
		return csv;
	}

	/** Gross, refunded and net leave the sales tax and VAT out; the tax columns follow. */
	private static CsvTable money(AnalyticsReport report, String scope) {
		CsvTable csv = new CsvTable().row(List.of("bundle", "date", "currency", "gross", "fees", "refunded",
				"refunds", "net", "tax", "tax_refunded", "paid_with_tax"));
		for (MoneyFigures m : report.money()) {
			csv.row(List.of(scope, String.valueOf(m.day()), m.currency(), m.decimal(m.gross()), m.decimal(m.fees()),
					m.decimal(m.refunded()), m.refunds(), m.decimal(m.net()), m.decimal(m.tax()),
					m.decimal(m.taxRefunded()), m.decimal(m.gross() + m.tax())));
		}
		return csv;
	}

	private static CsvTable referrers(AnalyticsReport report) {
		CsvTable csv = new CsvTable().row(List.of("referrer", "views"));
		for (ReferrerFigures r : report.referrers()) {
			csv.row(List.of(r.direct() ? "(direct)" : r.referrer(), r.views()));
		}
		return csv;
	}
}
