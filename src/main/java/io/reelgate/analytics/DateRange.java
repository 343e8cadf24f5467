package io.reelgate.analytics;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** An inclusive range of UTC days, at most {@value #MAX_DAYS} long. */
public record DateRange(LocalDate from, LocalDate to) {

	public static final int MAX_DAYS = 366;

	public DateRange {
		// Nothing was counted before 1970; a year like 999999999 parses, but neither PostgreSQL nor LocalDate holds its days.
		if (from.getYear() < 1970 || to.getYear() > 9999) {
			throw new InvalidDateRangeException("analytics.range.invalid");
		}
		if (from.isAfter(to)) {
			throw new InvalidDateRangeException("analytics.range.reversed");
		}
		if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
			throw new InvalidDateRangeException("analytics.range.tooLong");
		}
	}

	/** The {@code days} days up to and including {@code today}. */
	public static DateRange lastDays(int days, LocalDate today) {
		return new DateRange(today.minusDays(days - 1L), today);
	}

	/** A range typed into the date inputs; blank means the last 30 days. */
	public static DateRange parse(String from, String to, LocalDate today) {
		if (from.isBlank() && to.isBlank()) {
			return lastDays(30, today);
		}
		try {
			return new DateRange(LocalDate.parse(from.trim()), LocalDate.parse(to.trim()));
		}
		catch (DateTimeParseException ex) {
			throw new InvalidDateRangeException("analytics.range.invalid");
		}
	}

	public List<LocalDate> days() {
		return from.datesUntil(to.plusDays(1)).toList();
	}

	/** The range was not a valid pair of dates; {@code code} is the message key that says why. */
	public static class InvalidDateRangeException extends IllegalArgumentException {

		private final String code;

		InvalidDateRangeException(String code) {
			super(code);
			this.code = code;
		}

		public String code() {
			return code;
		}
	}
}
