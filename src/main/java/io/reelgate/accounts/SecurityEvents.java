package io.reelgate.accounts;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import io.reelgate.shared.AccountId;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit trail of sign-in security ({@code security_events}): written in the transaction of what it records, and
 * logged, so that a wrong or replayed code is on record even when nobody opens the account page.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
class SecurityEvents {

	private static final Logger log = LoggerFactory.getLogger(SecurityEvents.class);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ApplicationEventPublisher publisher;

	SecurityEvents(JdbcClient jdbc, Clock clock, ApplicationEventPublisher publisher) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.publisher = publisher;
	}

	void record(AccountId account, SecurityEvent.Kind kind, @Nullable String clientAddress) {
		log.info("Security event {} for account {} from {}", kind, account, clientAddress);
		jdbc.sql("""
				insert into security_events (account_id, kind, happened_at, client_address)
				values (:account, :kind, :at, :address)""")
			.param("account", account.value())
			.param("kind", kind.name())
			.param("at", Timestamp.from(clock.instant()))
			.param("address", clientAddress)
			.update();
		if (kind.alerts()) {
			// Published with the row: the mail goes out once this commits, and is retried if sending fails.
			publisher.publishEvent(new SecurityAlertRaised(account, kind, clock.instant(), clientAddress));
		}
	}

	List<SecurityEvent> recent(AccountId account, int max) {
		return jdbc.sql("""
				select kind, happened_at, client_address from security_events where account_id = :account
				order by happened_at desc, id desc limit :max""")
			.param("account", account.value())
			.param("max", max)
			.query((rs, row) -> new SecurityEvent(SecurityEvent.Kind.valueOf(rs.getString(1)),
					rs.getTimestamp(2).toInstant(), rs.getString(3)))
			.list();
	}
}
