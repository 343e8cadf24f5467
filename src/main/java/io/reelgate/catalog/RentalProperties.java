package io.reelgate.catalog;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Rental windows a creator may offer.
 *
 * @param window the window the editor proposes
 * @param choices the windows a creator may choose among (the default is always one of them)
 */
@ConfigurationProperties("reelgate.rentals")
record RentalProperties(@DefaultValue("48h") Duration window, @DefaultValue({ "24h", "48h", "72h", "168h" }) List<Duration> choices) {

	RentalProperties {
		if (window.isNegative() || window.isZero() || window.toMinutes() % 60 != 0) {
			throw new IllegalArgumentException("reelgate.rentals.window must be a whole number of hours, got " + window);
		}
		if (choices.stream().anyMatch(c -> c.isNegative() || c.isZero() || c.toMinutes() % 60 != 0)) {
			throw new IllegalArgumentException("reelgate.rentals.choices must be whole numbers of hours, got " + choices);
		}
	}

	/** The windows in hours, the default among them, shortest first. */
	List<Integer> hourChoices() {
		return Stream.concat(choices.stream(), Stream.of(window))
			.map(d -> (int) d.toHours())
			.distinct()
			.sorted()
			.toList();
	}
}
