package io.reelgate.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.StringJoiner;

import io.reelgate.catalog.BundleSummary;
import io.reelgate.catalog.IncludedFile;
import io.reelgate.catalog.UploadLimits;
import io.reelgate.shared.Money;
import io.reelgate.shared.MoneyInput;

import org.springframework.context.i18n.LocaleContextHolder;
import io.reelgate.shared.BundleId;

import org.springframework.context.MessageSource;
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

	private final MessageSource messages;

	Formats(UploadLimits limits, MessageSource messages) {
		this.limits = limits;
		this.messages = messages;
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

	/** Which of the title cards' eight tones a bundle without a cover gets: always the same one for a bundle. */
	public int tone(BundleId id) {
		return Math.floorMod(id.value().hashCode(), 8);
	}

	/** A bundle's price as lists show it: "Free", "$4.99", "Pay what you want (from $2.00)". */
	public String price(BundleSummary bundle, Locale locale) {
		if (bundle.isFree()) {
			return messages.getMessage("storefront.free", null, locale);
		}
		if (bundle.price() == null) {
			return messages.getMessage("gate." + bundle.gate(), null, locale);
		}
		return bundle.isPayWhatYouWant()
				? messages.getMessage("storefront.pwyw", new Object[] { bundle.price().display(locale) }, locale)
				: bundle.price().display(locale);
	}

	/** An included file as a buyer reads it: "Feature film · 1:42:05 · 1080p". */
	public String included(IncludedFile file, Locale locale) {
		StringJoiner text = new StringJoiner(" · ");
		text.add(messages.getMessage("file.kind." + file.kind(), null, locale));
		if (file.durationText() != null) {
			text.add(file.durationText());
		}
		if (file.resolutionClass() != null) {
			text.add(file.resolutionClass());
		}
		return text.toString();
	}

	/** What a file's line says after its kind: "1:42:05 · 1080p · 1.2 GB". */
	public String facts(IncludedFile file) {
		StringJoiner text = new StringJoiner(" · ");
		if (file.durationText() != null) {
			text.add(file.durationText());
		}
		if (file.resolutionClass() != null) {
			text.add(file.resolutionClass());
		}
		return text.add(bytes(file.file().size())).toString();
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
