package io.reelgate.analytics;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

import io.reelgate.shared.AccountId;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;

/**
 * What analytics needs to know of one request to a public page: enough to tell people from robots and
 * prefetches, to recognise the same visitor again on the same day, and where they came from.
 *
 * @param referrer the Referer's host, or {@code ref:<code>} for a creator's {@code ?ref=} link, or null
 */
public record Visit(String method, String userAgent, boolean prefetch, String clientAddress,
		@Nullable AccountId viewer, @Nullable String referrer, @Nullable String range) {

	/** A creator's own codes in {@code ?ref=}; anything else is ignored rather than stored. */
	private static final Pattern REF = Pattern.compile("[A-Za-z0-9._-]{1,40}");

	public static Visit of(HttpServletRequest request, @Nullable AccountId viewer) {
		String userAgent = request.getHeader(HttpHeaders.USER_AGENT);
		return new Visit(request.getMethod(), userAgent == null ? "" : userAgent, isPrefetch(request),
				request.getRemoteAddr(), viewer, referrer(request), request.getHeader(HttpHeaders.RANGE));
	}

	/**
	 * A request for the embedded buy card: its referrer is only the Referer's host (the page that frames the card;
	 * a {@code ?ref=} in the frame's URL is not a creator's link anyone followed).
	 */
	public static Visit ofEmbed(HttpServletRequest request, @Nullable AccountId viewer) {
		Visit visit = of(request, viewer);
		return new Visit(visit.method, visit.userAgent, visit.prefetch, visit.clientAddress, viewer,
				refererHost(request), visit.range);
	}

	/** Browsers mark speculative loads: Chrome and Safari with Sec-Purpose or Purpose, Firefox with X-Moz. */
	private static boolean isPrefetch(HttpServletRequest request) {
		for (String header : new String[] { "Sec-Purpose", "Purpose", "X-Purpose", "X-Moz" }) {
			String value = request.getHeader(header);
			if (value != null) {
				String lower = value.toLowerCase(Locale.ROOT);
				if (lower.contains("prefetch") || lower.contains("prerender") || lower.contains("preview")) {
					return true;
				}
			}
		}
		return false;
	}

	private static @Nullable String referrer(HttpServletRequest request) {
		String ref = request.getParameter("ref");
		if (ref != null && REF.matcher(ref).matches()) {
			return "ref:" + ref.toLowerCase(Locale.ROOT);
		}
		return refererHost(request);
	}

	/** The Referer's host without {@code www.}, at most 90 characters; null when absent or not a URL. */
	private static @Nullable String refererHost(HttpServletRequest request) {
		String referer = request.getHeader(HttpHeaders.REFERER);
		if (referer == null || referer.isBlank()) {
			return null;
		}
		try {
			String host = URI.create(referer.trim()).getHost();
			if (host == null) {
				return null;
			}
			host = host.toLowerCase(Locale.ROOT);
			host = host.startsWith("www.") ? host.substring(4) : host;
			return host.length() > 90 ? host.substring(0, 90) : host;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/**
	 * A request a person most likely made on purpose, from a browser that is not a robot or a prefetch: a GET, or
	 * the player's POST saying that playback started.
	 */
	boolean isCountable() {
		return ("GET".equals(method) || "POST".equals(method)) && !prefetch && !Robots.isRobot(userAgent);
	}

	/** Whether a media request starts playback (rather than seeking or continuing one already counted). */
	public boolean startsPlayback() {
		return range == null || range.replace(" ", "").startsWith("bytes=0-");
	}

	/** Who this is as far as counting goes: the account if signed in, else address and browser. */
	String visitorIdentity() {
		return viewer != null ? "account:" + viewer.value() : "anonymous:" + clientAddress + "|" + userAgent;
	}
}
