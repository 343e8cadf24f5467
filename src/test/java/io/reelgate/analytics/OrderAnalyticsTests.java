package io.reelgate.analytics;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.checkout.OrderPayments;
import io.reelgate.checkout.PlatformFee;
import io.reelgate.shared.BundleId;
import io.reelgate.shared.Money;
import io.reelgate.shared.OrderId;
import io.reelgate.support.Fixtures;
import io.reelgate.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** Purchases, free claims and refunds reach the analytics from checkout's events, with the order's own amounts. */
@IntegrationTest
class OrderAnalyticsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Rollups rollups;

	@Autowired
	AnalyticsReports reports;

	@Autowired
	PlatformFee fee;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	OrderPayments payments;

	@Test
	void aPurchaseCountsAsAnUnlockWithItsMoneyAndItsRefundTakesTheMoneyBack() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		BundleId bundle = onSale(creator, "Sold");
		OrderId order = buy(bundle);

		long platformFee = fee.of(Money.of(500, "USD")).minor();
		assertThat(today(creator, bundle).totals().unlocks()).containsEntry("PURCHASE", 1L);
		assertThat(today(creator, bundle).moneyTotals())
			.containsExactly(new MoneyFigures(null, "USD", 500, platformFee, 0, 0, 500 - platformFee));

		mvc.perform(post("/studio/sales/{order}/refund", order.value()).param("confirmed", "true").with(user(creator)).with(csrf()));
		await().atMost(Duration.ofSeconds(20)).until(() -> events(bundle, "REFUND") == 1);

		assertThat(today(creator, bundle).moneyTotals())
			.containsExactly(new MoneyFigures(null, "USD", 500, 0, 500, 1, 0));
		assertThat(today(creator, bundle).totals().unlocks()).containsEntry("PURCHASE", 1L);
	}

	@Test
	void aDisputeOverPartOfThePaymentTakesOutThatPartOnlyAndWinningItPutsItBack() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		BundleId bundle = onSale(creator, "Contested");
		OrderId order = buy(bundle);
		long platformFee = fee.of(Money.of(500, "USD")).minor();

		payments.disputed(order, Money.of(200, "USD"));
		await().atMost(Duration.ofSeconds(20)).until(() -> events(bundle, "REFUND") == 1);

		// The ledger split the $2.00 over the sale's lines; the analytics take out the same fee part, not the whole.
		long feeTaken = -jdbc.sql("select fee_minor from ledger_entries where order_id = ? and kind = 'DISPUTE'")
			.param(order.value()).query(Long.class).single();
		assertThat(feeTaken).isBetween(platformFee * 200 / 500 - 1, platformFee * 200 / 500 + 1);
		assertThat(today(creator, bundle).moneyTotals()).containsExactly(new MoneyFigures(null, "USD", 500,
				platformFee - feeTaken, 200, 1, 500 - 200 - (platformFee - feeTaken)));

		payments.disputeWon(order);
		await().atMost(Duration.ofSeconds(20)).until(() -> events(bundle, "REFUND") == 2);

		assertThat(today(creator, bundle).moneyTotals())
			.containsExactly(new MoneyFigures(null, "USD", 500, platformFee, 0, 0, 500 - platformFee));
	}

	@Test
	void aFreeClaimIsAnUnlockWithoutMoney() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		BundleId bundle = fixtures.published(creator, Fixtures.unique("Free"), "film".getBytes());
		mvc.perform(post("/checkout/{id}", bundle).with(user(fixtures.viewer())).with(csrf()));
		await().atMost(Duration.ofSeconds(20)).until(() -> events(bundle, "UNLOCK") == 1);

		AnalyticsReport report = today(creator, bundle);
		assertThat(report.totals().unlocks()).containsExactlyEntriesOf(java.util.Map.of("FREE", 1L));
		assertThat(report.moneyTotals()).isEmpty();
	}

	/** A $5.00 bundle of a creator who is paid out. */
	private BundleId onSale(AccountPrincipal creator, String title) {
		fixtures.payoutsReady(creator);
		return fixtures.published(creator, Fixtures.unique(title), "film".getBytes(), "5.00", "USD");
	}

	/** A viewer pays for the bundle through the simulated gateway; returns the order once its unlock is counted. */
	private OrderId buy(BundleId bundle) throws Exception {
		AccountPrincipal viewer = fixtures.viewer();
		String payAt = mvc.perform(post("/checkout/{id}", bundle).with(user(viewer)).with(csrf()))
			.andReturn().getResponse().getRedirectedUrl();
		mvc.perform(post(payAt + "/pay").with(user(viewer)).with(csrf()));
		await().atMost(Duration.ofSeconds(20)).until(() -> events(bundle, "UNLOCK") == 1);
		return new OrderId(UUID.fromString(payAt.substring("/checkout/simulated/".length())));
	}

	private long events(BundleId bundle, String kind) {
		return jdbc.sql("select count(*) from analytics_events where bundle_id = ? and kind = ?")
			.params(bundle.value(), kind).query(Long.class).single();
	}

	private AnalyticsReport today(AccountPrincipal creator, BundleId bundle) {
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		rollups.rollUp(List.of(today));
		return reports.report(creator.accountId(), bundle, new DateRange(today, today));
	}
}
