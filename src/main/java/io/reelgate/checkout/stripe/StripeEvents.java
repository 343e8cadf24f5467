package io.reelgate.checkout.stripe;

import java.sql.Timestamp;
import java.time.Clock;

import org.springframework.context.annotation.Conditional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The Stripe events already processed; the primary key makes "first time?" atomic across instances. */
@Repository
@Conditional(StripeMode.On.class)
class StripeEvents {

	private final JdbcClient jdbc;

	private final Clock clock;

	StripeEvents(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Records the event; false if it was recorded before (then its effect has been applied already). */
	boolean firstTime(String eventId, String type) {
		return jdbc.sql("insert into stripe_events (id, type, received_at) values (?, ?, ?) on conflict (id) do nothing")
			.params(eventId, type, Timestamp.from(clock.instant()))
			.update() == 1;
	}
}
