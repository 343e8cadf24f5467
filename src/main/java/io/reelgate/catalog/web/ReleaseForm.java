package io.reelgate.catalog.web;

import java.time.LocalDateTime;
import java.time.ZoneId;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * A release date as the creator reads it: a wall-clock date-time in a time zone they pick (UTC unless they choose
 * another); the catalog stores the instant it names.
 */
record ReleaseForm(@NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable LocalDateTime at,
		@NotBlank String zone) {

	static ReleaseForm empty() {
		return new ReleaseForm(null, "UTC");
	}

	/** The chosen zone, if it is one the JVM knows (the form offers only those). */
	@Nullable ZoneId zoneId() {
		return ZoneId.getAvailableZoneIds().contains(zone) || "UTC".equals(zone) ? ZoneId.of(zone) : null;
	}
}
