package io.reelgate.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/** Formatting helpers for templates, as {@code ${@formats.bytes(size)}}. */
@Component("formats")
public class Formats {

	private static final String[] UNITS = { "B", "KB", "MB", "GB", "TB" };

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	private final DataSize maxFileSize;

	private final DataSize maxCoverSize;

	Formats(@Value("${reelgate.catalog.max-file-size:20GB}") DataSize maxFileSize,
			@Value("${reelgate.catalog.max-cover-size:10MB}") DataSize maxCoverSize) {
		this.maxFileSize = maxFileSize;
		this.maxCoverSize = maxCoverSize;
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
		return bytes(maxFileSize.toBytes());
	}

	/** Limits in bytes, for the uploader to refuse an oversized file before sending any of it. */
	public long maxFileBytes() {
		return maxFileSize.toBytes();
	}

	public long maxCoverBytes() {
		return maxCoverSize.toBytes();
	}

	public String date(Instant instant) {
		return DATE.format(instant);
	}

	public String dateTime(Instant instant) {
		return DATE_TIME.format(instant);
	}
}
