package io.reelgate.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import io.reelgate.catalog.UploadLimits;
import io.reelgate.shared.Money;
import io.reelgate.shared.MoneyInput;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Formatting helpers for templates, as {@code ${@formats.bytes(size)}}. */
@Component("formats")
public class Formats {

	private static final String[] UNITS = { "B", "KB", "MB", "GB", "TB" };

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	private final UploadLimits limits;

	Formats(UploadLimits limits) {
		this.limits = limits;
	}

	/** Sizes in binary units as people read them: {@code 1.4 GB}, {@code 820 KB}. */
	public String bytes(long bytes) {
		double value = bytes;
		int unit = 0;
		while (value >= 1024 && unit < UNITS.length - 1) {
			value /= 1024;
			unit++;
		}
		return unit == 0 ? bytes + " B" : String.format(Locale.ENGLISH, value < 10 ? "%.1f %s" : "%.0f %s", value, UNITS[unit]);
	}

	public String maxFileSize() {
		return bytes(limits.maxFileSize().toBytes());
	}

	/** An amount as a form field shows it to this viewer: {@code 4,99} in German, {@code 4.99} in English. */
	public String amountInput(Money money) {
		return MoneyInput.format(money, LocaleContextHolder.getLocale());
	}

	public String date(Instant instant) {
		return DATE.format(instant);
	}

	public String dateTime(Instant instant) {
		return DATE_TIME.format(instant);
	}
}
