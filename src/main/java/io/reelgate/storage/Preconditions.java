package io.reelgate.storage;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;

/**
 * The conditional request headers of RFC 9110 §13 for a GET or HEAD of one representation, evaluated in the order
 * of §13.2.2: {@code If-Match} (strong comparison), else {@code If-Unmodified-Since}; then {@code If-None-Match}
 * (weak comparison), else {@code If-Modified-Since}; {@code If-Range} comes last and is {@link #rangeHolds}.
 * Dates are compared to the second, as {@code Last-Modified} is sent; a date that does not parse is ignored, as
 * the RFC says.
 *
 * @param etag the representation's strong entity tag, unquoted
 * @param lastModified when the representation last changed
 */
record Preconditions(String etag, Instant lastModified) {

	/** What the preconditions decide. */
	enum Outcome {
		/** Send the representation (or the ranges asked for). */
		PROCEED,
		/** 304: the client's copy is current. */
		NOT_MODIFIED,
		/** 412: the client asked for a state the representation is not in. */
		FAILED
	}

	private static final Pattern ENTITY_TAG = Pattern.compile("\\s*(W/)?\"([\\x21\\x23-\\x7e\\x80-\\xff]*)\"\\s*(,|$)");

	private static final DateTimeFormatter RFC_850 = DateTimeFormatter.ofPattern("EEEE, dd-MMM-yy HH:mm:ss 'GMT'",
			Locale.US);

	private static final DateTimeFormatter ASCTIME = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy",
			Locale.US);

	Outcome evaluate(HttpServletRequest request) {
		String ifMatch = request.getHeader(HttpHeaders.IF_MATCH);
		if (ifMatch != null) {
			if (!matches(ifMatch, true)) {
				return Outcome.FAILED;
			}
		}
		else {
			Optional<Instant> since = date(request.getHeader(HttpHeaders.IF_UNMODIFIED_SINCE));
			if (since.isPresent() && seconds().isAfter(since.get())) {
				return Outcome.FAILED;
			}
		}
		String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
		if (ifNoneMatch != null) {
			return matches(ifNoneMatch, false) ? Outcome.NOT_MODIFIED : Outcome.PROCEED;
		}
		Optional<Instant> since = date(request.getHeader(HttpHeaders.IF_MODIFIED_SINCE));
		return since.isPresent() && !seconds().isAfter(since.get()) ? Outcome.NOT_MODIFIED : Outcome.PROCEED;
	}

	/**
	 * RFC 9110 §13.1.5: a range is served only if the validator matches exactly, by strong comparison; a weak ETag
	 * never does.
	 */
	boolean rangeHolds(@Nullable String ifRange) {
		if (ifRange == null) {
			return true;
		}
		String value = ifRange.trim();
		if (value.startsWith("\"") || value.startsWith("W/")) {
			return value.equals("\"" + etag + "\"");
		}
		return date(value).map(seconds()::equals).orElse(false);
	}

	/** {@code *} or a list of entity tags; a malformed list matches nothing. */
	private boolean matches(String header, boolean strong) {
		if (header.trim().equals("*")) {
			return true;
		}
		Matcher tag = ENTITY_TAG.matcher(header);
		int at = 0;
		while (at < header.length()) {
			if (!tag.region(at, header.length()).lookingAt()) {
				return false;
			}
			if (tag.group(2).equals(etag) && !(strong && tag.group(1) != null)) {
				return true;
			}
			at = tag.end();
		}
		return false;
	}

	private Instant seconds() {
		return lastModified.truncatedTo(ChronoUnit.SECONDS);
	}

	/** An HTTP-date (§5.6.7): IMF-fixdate, or the obsolete RFC 850 and asctime forms a recipient must accept. */
	static Optional<Instant> date(@Nullable String value) {
		if (value == null) {
			return Optional.empty();
		}
		String text = value.trim();
		try {
			return Optional.of(ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
		}
		catch (DateTimeParseException ex) {
			// Try the obsolete forms.
		}
		for (DateTimeFormatter format : List.of(RFC_850, ASCTIME)) {
			try {
				return Optional.of(LocalDateTime.parse(text, format).toInstant(ZoneOffset.UTC));
			}
			catch (DateTimeParseException ex) {
				// Next form.
			}
		}
		return Optional.empty();
	}
}
