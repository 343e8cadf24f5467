package io.reelgate.checkout.stripe;

import java.sql.Timestamp;
import java.time.Clock;

import org.springframework.context.annotation.Conditional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The Stripe events whose effect has been applied. An event is recorded only once its effect is durable, so a
 * delivery that failed half way is not mistaken for a duplicate when Stripe retries it; the primary key makes
 * recording atomic across instances.
 */
@Repository
@Conditional(StripeMode.On.class)
class StripeEvents {

	private final JdbcClient jdbc;

	private final Clock clock;

	StripeEvents(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	boolean recorded(String eventId) {
		return jdbc.sql("select exists (select 1 from stripe_events where id = ?)").param(eventId)
			.query(Boolean.class).single();
	}

	/** Records the event as applied; false if another delivery of it recorded it first. */
	boolean record(String eventId, String type) {
		return jdbc.sql("insert into stripe_events (id, type, received_at) values (?, ?, ?) on conflict (id) do nothing")
			.params(eventId, type, Timestamp.from(clock.instant()))
			.update() == 1;
	}
}
