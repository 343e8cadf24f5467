package io.reelgate.analytics;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.reelgate.catalog.Catalog;
import io.reelgate.checkout.OrderKind;
import io.reelgate.checkout.OrderPaid;
import io.reelgate.checkout.OrderRevoked;
import io.reelgate.checkout.OrderStatus;
import io.reelgate.checkout.OrderView;
import io.reelgate.checkout.PaidOrders;
import io.reelgate.library.DownloadActivity;
import io.reelgate.library.WatchActivity;
import io.reelgate.shared.AccountId;
import io.reelgate.shared.BundleId;
import io.reelgate.shared.Money;
import io.reelgate.shared.OrderId;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;

/**
 * Checkout's order events reaching the analytics module: the module alone (Spring Modulith's standalone bootstrap,
 * no web environment) with the database module's embedded PostgreSQL, Flyway's schema and the event publication
 * registry; the other modules' beans it reads (checkout's {@link PaidOrders}, the catalog, library activity) are
 * mocks. Each scenario publishes the event as checkout does, in a transaction, and waits for the asynchronous
 * listener's row or completed publication. {@code OrderAnalyticsTests} goes through a real checkout and the rollups.
 */
@ApplicationModuleTest(extraIncludes = "database", webEnvironment = WebEnvironment.NONE)
@ActiveProfiles("test")
// The readiness group names the storage module's health, which this module test leaves out.
@TestPropertySource(properties = "management.endpoint.health.validate-group-membership=false")
class OrderEventsModuleTests {

	@MockitoBean
	PaidOrders orders;

	@MockitoBean
	Catalog catalog;

	@MockitoBean
	DownloadActivity downloads;

	@MockitoBean
	WatchActivity watching;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aPaidOrderIsOneUnlockWithItsNetAndFeeAndItsRefundTakesThemBack(Scenario scenario) {
		OrderView order = order(Money.of(500, "USD"), 55, OrderKind.PURCHASE);

		scenario.publish(new OrderPaid(order.id(), order.buyer(), order.bundle()))
			.andWaitForStateChange(() -> events(order), rows -> rows.size() == 1)
			.andVerify(rows -> assertThat(rows).containsExactly(new Row("UNLOCK", "PURCHASE", "USD", 500, 55, 445, 1)));

		scenario.publish(new OrderRevoked(order.id(), order.buyer(), order.bundle(), OrderRevoked.Reason.REFUNDED))
			.andWaitForStateChange(() -> events(order), rows -> rows.size() == 2)
			.andVerify(rows -> assertThat(rows).endsWith(new Row("REFUND", null, "USD", 500, 55, 445, 1)));
	}

	@Test
	void anOrderPaidDeliveredAgainIsCountedOnce(Scenario scenario) {
		OrderView order = order(Money.of(1200, "EUR"), 100, OrderKind.RENTAL);
		OrderPaid paid = new OrderPaid(order.id(), order.buyer(), order.bundle());

		scenario.publish(paid).andWaitForStateChange(() -> events(order), rows -> rows.size() == 1);
		scenario.publish(paid)
			.andWaitForStateChange(() -> completedPublications(paid), count -> count == 2)
			.andVerify(count -> assertThat(events(order))
				.containsExactly(new Row("UNLOCK", "RENTAL", "EUR", 1200, 100, 1100, 1)));
	}

	@Test
	void aFreeClaimIsAnUnlockWithoutMoneyAndItsRevocationBooksNoRefund(Scenario scenario) {
		OrderView order = order(null, 0, OrderKind.PURCHASE);
		OrderRevoked revoked = new OrderRevoked(order.id(), order.buyer(), order.bundle(), OrderRevoked.Reason.REMOVED);

		scenario.publish(new OrderPaid(order.id(), order.buyer(), order.bundle()))
			.andWaitForStateChange(() -> events(order), rows -> rows.size() == 1)
			.andVerify(rows -> assertThat(rows).containsExactly(new Row("UNLOCK", "FREE", null, 0, 0, 0, 1)));
		scenario.publish(revoked)
			.andWaitForStateChange(() -> completedPublications(revoked), count -> count == 1)
			.andVerify(count -> assertThat(events(order)).hasSize(1));
	}

	/** A paid order of a new bundle, as checkout's {@link PaidOrders} answers for it. */
	private OrderView order(@Nullable Money amount, long feeMinor, OrderKind kind) {
		Instant paidAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		Money tax = amount == null ? null : Money.of(0, amount.currency().getCurrencyCode());
		OrderView order = new OrderView(new OrderId(UUID.randomUUID()), AccountId.random(),
				new BundleId(UUID.randomUUID()), AccountId.random(), amount, amount, null, feeMinor, OrderStatus.PAID,
				paidAt, paidAt, kind, kind == OrderKind.RENTAL ? 48 : null, tax, amount, null);
		given(orders.findInAnyState(order.id())).willReturn(Optional.of(order));
		return order;
	}

	private List<Row> events(OrderView order) {
		return jdbc.sql("""
				select kind, unlock_kind, currency, gross_minor, fee_minor, net_minor, units from analytics_events
				where bundle_id = ? order by id""")
			.param(order.bundle().value())
			.query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5),
					rs.getLong(6), rs.getInt(7)))
			.list();
	}

	/** How many publications of this event the registry has marked complete (its listener returned). */
	private long completedPublications(Object event) {
		return jdbc.sql("""
				select count(*) from event_publication where event_type = ? and completion_date is not null
				and serialized_event like ?""")
			.params(event.getClass().getName(), "%" + orderIdOf(event) + "%")
			.query(Long.class)
			.single();
	}

	private static String orderIdOf(Object event) {
		return event instanceof OrderPaid paid ? paid.orderId().value().toString()
				: ((OrderRevoked) event).orderId().value().toString();
	}

	/** The one clock every module gets from the web module, which this test leaves out. */
	@TestConfiguration(proxyBeanMethods = false)
	static class SystemClock {

		@Bean
		Clock clock() {
			return Clock.systemUTC();
		}
	}

	record Row(String kind, @Nullable String unlockKind, @Nullable String currency, long gross, long fee, long net,
			int units) {
	}
}
