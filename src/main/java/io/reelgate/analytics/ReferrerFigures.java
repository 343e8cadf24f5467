package io.reelgate.analytics;

/** Views that came from one referrer: a host, {@code ref:<code>}, or empty for direct or unknown. */
public record ReferrerFigures(String referrer, long views) {

	public boolean direct() {
		return referrer.isEmpty();
	}
}
