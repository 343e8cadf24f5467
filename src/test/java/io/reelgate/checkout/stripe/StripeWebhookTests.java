package io.reelgate.checkout.stripe;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.library.Library;
import io.reelgate.shared.BundleId;
import io.reelgate.support.Fixtures;
import io.reelgate.support.StripeIntegrationTest;
import io.reelgate.support.StripeStub;
import io.reelgate.support.StripeWebhooks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Webhooks as Stripe sends them: signed payloads posted without a session or CSRF token. Each test opens a real
 * checkout (through the stripe-java client and the stub), then tells the stub what Stripe knows and delivers events.
 */
@StripeIntegrationTest
class StripeWebhookTests {

	private final StripeStub stripe = StripeStub.get();

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Library library;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	StripeReconciliation reconciliation;

	private AccountPrincipal creator;

	private AccountPrincipal buyer;

	private BundleId bundle;

	private String orderId;

	private String session;

	private String paymentIntent;

	@BeforeEach
	void aBuyerIsAtStripeCheckout() throws Exception {
		creator = fixtures.creator();
		fixtures.payoutsReady(creator);
		bundle = fixtures.published(creator, Fixtures.unique("Webhook film"), "film".getBytes(), "10.00", "USD");
		buyer = fixtures.viewer();
		String summary = mvc.perform(post("/checkout/{id}", bundle).with(user(buyer)).with(csrf()))
			.andReturn().getResponse().getRedirectedUrl();
		String url = mvc.perform(post(summary + "/pay").with(user(buyer)).with(csrf()))
			.andReturn().getResponse().getRedirectedUrl();
		session = url.substring(url.lastIndexOf('/') + 1);
		orderId = jdbc.sql("select id::text from orders where buyer_id = ?").param(buyer.accountId().value())
			.query(String.class).single();
		paymentIntent = "pi_" + orderId.replace("-", "").substring(0, 16);
	}

	@Test
	void aCompletedCheckoutGrantsTheBundleAndBooksTheSale() throws Exception {
		paid();
		deliver(event("checkout.session.completed")).andExpect(status().isOk());

		assertThat(library.owns(buyer.accountId(), bundle)).isTrue();
		assertThat(orderStatus()).isEqualTo("PAID");
		assertThat(ledger()).containsExactly("SALE 1000 100 900");
	}

	@Test
	void badSignaturesAre400AndChangeNothing() throws Exception {
		paid();
		String payload = event("checkout.session.completed");
		String tampered = payload.replace("checkout.session.completed", "checkout.session.completed ");

		send(tampered, StripeWebhooks.sign(payload, StripeIntegrationTest.WEBHOOK_SECRET, Instant.now()))
			.andExpect(status().isBadRequest());
		send(payload, StripeWebhooks.sign(payload, "whsec_wrong", Instant.now())).andExpect(status().isBadRequest());
		send(payload, StripeWebhooks.sign(payload, StripeIntegrationTest.WEBHOOK_SECRET,
				Instant.now().minus(Duration.ofMinutes(10)))).andExpect(status().isBadRequest());
		send(payload, "t=1,v1=00").andExpect(status().isBadRequest());
		mvc.perform(post("/stripe/webhook").contentType(MediaType.APPLICATION_JSON).content(payload))
			.andExpect(status().isBadRequest());

		assertThat(library.owns(buyer.accountId(), bundle)).isFalse();
		assertThat(orderStatus()).isEqualTo("PENDING");
		assertThat(ledger()).isEmpty();
	}

	@Test
	void theSameEventFiftyTimesAtOnceGrantsAndBooksOnce() throws Exception {
		paid();
		String payload = event("checkout.session.completed");
		String signature = StripeWebhooks.sign(payload, StripeIntegrationTest.WEBHOOK_SECRET, Instant.now());
		List<Callable<Integer>> deliveries = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			deliveries.add(() -> send(payload, signature).andReturn().getResponse().getStatus());
		}
		ExecutorService pool = Executors.newFixedThreadPool(10);
		List<Integer> statuses = new ArrayList<>();
		try {
			for (Future<Integer> delivery : pool.invokeAll(deliveries)) {
				statuses.add(delivery.get());
			}
		}
		finally {
			pool.shutdown();
		}

		assertThat(statuses).containsOnly(200);
		assertThat(jdbc.sql("select count(*) from entitlements where order_id = ?::uuid").param(orderId)
			.query(Long.class).single()).isEqualTo(1);
		assertThat(ledger()).containsExactly("SALE 1000 100 900");
	}

	@Test
	void twoDifferentEventsForOneSessionGrantOnce() throws Exception {
		paid();
		deliver(event("checkout.session.completed")).andExpect(status().isOk());
		deliver(event("checkout.session.async_payment_succeeded")).andExpect(status().isOk());
		mvc.perform(get("/checkout/stripe/return").param("session_id", session).with(user(buyer)));

		assertThat(jdbc.sql("select count(*) from entitlements where order_id = ?::uuid").param(orderId)
			.query(Long.class).single()).isEqualTo(1);
		assertThat(ledger()).containsExactly("SALE 1000 100 900");
	}

	@Test
	void anEventIsJudgedByWhatStripeSaysNowNotByItsType() throws Exception {
		deliver(event("checkout.session.completed")).andExpect(status().isOk());
		assertThat(library.owns(buyer.accountId(), bundle)).as("session still unpaid at Stripe").isFalse();
	}

	@Test
	void anExpiredCheckoutClosesTheOrder() throws Exception {
		stripe.session(session, orderId, "expired", "unpaid", null);
		deliver(event("checkout.session.expired")).andExpect(status().isOk());
		assertThat(orderStatus()).isEqualTo("EXPIRED");
	}

	@Test
	void aPaymentMadeAfterTheBuyerCancelledIsRefundedOnceAndGrantsNothing() throws Exception {
		// The buyer came back from Stripe's page, which cancels the order and expires the session; had they paid in
		// another tab just before, Stripe reports that payment afterwards.
		mvc.perform(get("/checkout/stripe/cancelled").param("order", orderId).with(user(buyer)));
		assertThat(orderStatus()).isEqualTo("CANCELLED");
		assertThat(stripe.requests("POST", "/v1/checkout/sessions/" + session + "/expire")).hasSize(1);

		paid();
		deliver(event("checkout.session.completed")).andExpect(status().isOk());
		deliver(event("checkout.session.async_payment_succeeded")).andExpect(status().isOk());

		assertThat(orderStatus()).isEqualTo("REFUNDED");
		assertThat(library.owns(buyer.accountId(), bundle)).isFalse();
		assertThat(stripe.requests("POST", "/v1/refunds"))
			.filteredOn(r -> paymentIntent.equals(r.form().get("payment_intent")))
			.singleElement()
			.satisfies(r -> assertThat(r.idempotencyKey()).isEqualTo("refund-" + orderId));
		assertThat(ledger()).containsExactlyInAnyOrder("SALE 1000 100 900", "REFUND -1000 -100 -900");
	}

	@Test
	void aRefundRevokesAccessAndBooksTheRefund() throws Exception {
		paid();
		deliver(event("checkout.session.completed"));
		UUID file = jdbc.sql("select id from bundle_files where bundle_id = ?").param(bundle.value())
			.query(UUID.class).single();
		mvc.perform(get("/downloads/{id}", file).with(user(buyer))).andExpect(status().isOk());

		refunded();
		deliver(StripeWebhooks.event("charge.refunded", "ch_" + orderId, "charge")).andExpect(status().isOk());

		assertThat(orderStatus()).isEqualTo("REFUNDED");
		assertThat(library.owns(buyer.accountId(), bundle)).isFalse();
		assertThat(ledger()).containsExactlyInAnyOrder("SALE 1000 100 900", "REFUND -1000 -100 -900");
		mvc.perform(get("/downloads/{id}", file).with(user(buyer))).andExpect(status().isNotFound());
		mvc.perform(get("/library").with(user(buyer)))
			.andExpect(content().string(containsString("Refunded: this purchase was refunded")));
	}

	@Test
	void aRefundSeenBeforeTheCompletionNeverGrants() throws Exception {
		paid();
		refunded();
		stripe.put("payment_intents/" + paymentIntent, """
				{"id": "%s", "object": "payment_intent", "metadata": {"order_id": "%s"}}
				""".formatted(paymentIntent, orderId));
		deliver(StripeWebhooks.event("charge.refunded", "ch_" + orderId, "charge")).andExpect(status().isOk());
		deliver(event("checkout.session.completed")).andExpect(status().isOk());

		assertThat(orderStatus()).isEqualTo("REFUNDED");
		assertThat(library.owns(buyer.accountId(), bundle)).isFalse();
		assertThat(ledger()).containsExactlyInAnyOrder("SALE 1000 100 900", "REFUND -1000 -100 -900");
	}

	@Test
	void aDisputeSuspendsAccessAndAWonDisputeRestoresIt() throws Exception {
		paid();
		deliver(event("checkout.session.completed"));

		dispute("needs_response");
		deliver(StripeWebhooks.event("charge.dispute.created", "dp_" + orderId, "dispute")).andExpect(status().isOk());
		assertThat(orderStatus()).isEqualTo("DISPUTED");
		assertThat(library.owns(buyer.accountId(), bundle)).isFalse();

		dispute("won");
		deliver(StripeWebhooks.event("charge.dispute.closed", "dp_" + orderId, "dispute")).andExpect(status().isOk());
		assertThat(orderStatus()).isEqualTo("PAID");
		assertThat(library.owns(buyer.accountId(), bundle)).isTrue();
		assertThat(ledger()).containsExactlyInAnyOrder("SALE 1000 100 900", "DISPUTE -1000 -100 -900",
				"DISPUTE_WON 1000 100 900");
	}

	@Test
	void theReconciliationJobConfirmsAPaymentWhoseWebhookNeverCame() {
		paid();
		reconciliation.reconcile();
		assertThat(orderStatus()).isEqualTo("PAID");
		assertThat(library.owns(buyer.accountId(), bundle)).isTrue();
	}

	@Test
	void accountUpdatedKeepsSellerCapabilitiesInStep() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		mvc.perform(post("/studio/payouts/connect").with(user(creator)).with(csrf()));
		String account = jdbc.sql("select stripe_account_id from seller_accounts where account_id = ?")
			.param(creator.accountId().value()).query(String.class).single();

		stripe.put("accounts/" + account, StripeStub.account(account, true));
		deliver(StripeWebhooks.event("account.updated", account, "account")).andExpect(status().isOk());

		assertThat(jdbc.sql("select charges_enabled from seller_accounts where stripe_account_id = ?").param(account)
			.query(Boolean.class).single()).isTrue();
	}

	@Test
	void eventsWeDoNotUseAreAcknowledged() throws Exception {
		deliver(StripeWebhooks.event("customer.created", "cus_1", "customer")).andExpect(status().isOk());
	}

	@Test
	void theSellerRefundsThroughStripeWithTheTransferReversedAndNobodyElseCan() throws Exception {
		paid();
		deliver(event("checkout.session.completed"));

		mvc.perform(post("/studio/sales/{id}/refund", orderId).param("confirmed", "true").with(user(fixtures.creator())).with(csrf()));
		assertThat(orderStatus()).as("another creator's sale").isEqualTo("PAID");
		assertThat(stripe.requests("POST", "/v1/refunds")).noneMatch(r -> paymentIntent.equals(r.form().get("payment_intent")));

		mvc.perform(get("/studio/sales").with(user(creator)))
			.andExpect(content().string(containsString("$10.00")))
			.andExpect(content().string(containsString("aria-label=\"Refund")));
		mvc.perform(post("/studio/sales/{id}/refund", orderId).param("confirmed", "true").with(user(creator)).with(csrf()));
		assertThat(stripe.requests("POST", "/v1/refunds"))
			.filteredOn(r -> paymentIntent.equals(r.form().get("payment_intent")))
			.singleElement()
			.satisfies(r -> {
				assertThat(r.form()).doesNotContainKeys("reverse_transfer", "refund_application_fee");
				assertThat(r.idempotencyKey()).isEqualTo("refund-" + orderId);
			});
		String transfer = jdbc.sql("select stripe_transfer_id from transfers where order_id = ?::uuid").param(orderId)
			.query(String.class).single();
		assertThat(stripe.requests("POST", "/v1/transfers/" + transfer + "/reversals")).singleElement()
			.satisfies(r -> {
				assertThat(r.form()).containsEntry("amount", "900");
				assertThat(r.idempotencyKey()).isEqualTo("reversal-" + orderId + "-" + creator.accountId());
			});
		assertThat(orderStatus()).isEqualTo("REFUNDED");
		assertThat(library.owns(buyer.accountId(), bundle)).isFalse();

		refunded();
		deliver(StripeWebhooks.event("charge.refunded", "ch_" + orderId, "charge")).andExpect(status().isOk());
		assertThat(ledger()).containsExactlyInAnyOrder("SALE 1000 100 900", "REFUND -1000 -100 -900");
	}

	private void paid() {
		stripe.session(session, orderId, "complete", "paid", paymentIntent);
	}

	private void refunded() {
		stripe.put("charges/ch_" + orderId, """
				{"id": "ch_%s", "object": "charge", "amount": 1000, "amount_refunded": 1000, "refunded": true,
				 "payment_intent": "%s"}
				""".formatted(orderId, paymentIntent));
	}

	private void dispute(String disputeStatus) {
		stripe.put("disputes/dp_" + orderId, """
				{"id": "dp_%s", "object": "dispute", "status": "%s", "payment_intent": "%s", "charge": "ch_%s"}
				""".formatted(orderId, disputeStatus, paymentIntent, orderId));
	}

	private String event(String type) {
		return StripeWebhooks.event(type, session, "checkout.session");
	}

	private ResultActions deliver(String payload) throws Exception {
		return send(payload, StripeWebhooks.sign(payload, StripeIntegrationTest.WEBHOOK_SECRET, Instant.now()));
	}

	private ResultActions send(String payload, String signature) throws Exception {
		return mvc.perform(post("/stripe/webhook").contentType(MediaType.APPLICATION_JSON).content(payload)
			.header("Stripe-Signature", signature));
	}

	private String orderStatus() {
		return jdbc.sql("select status from orders where id = ?::uuid").param(orderId).query(String.class).single();
	}

	private List<String> ledger() {
		return jdbc.sql("select kind || ' ' || gross_minor || ' ' || fee_minor || ' ' || net_minor from ledger_entries "
				+ "where order_id = ?::uuid").param(orderId).query(String.class).list();
	}
}
