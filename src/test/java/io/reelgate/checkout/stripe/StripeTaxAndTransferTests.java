package io.reelgate.checkout.stripe;

import java.time.Instant;
import java.util.List;

import io.reelgate.accounts.AccountPrincipal;
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
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Stripe Tax and separate charges and transfers: the order books the tax and gross of the re-fetched session, the
 * fee is on the net, the creator's share is transferred once (from the charge, in the order's transfer group, with an
 * idempotency key per order and recipient), and refunds and lost disputes reverse it.
 */
@StripeIntegrationTest
class StripeTaxAndTransferTests {

	private final StripeStub stripe = StripeStub.get();

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	StripeTransfers transfers;

	private AccountPrincipal creator;

	private String orderId;

	private String session;

	private String paymentIntent;

	@BeforeEach
	void aBuyerIsAtStripeCheckout() throws Exception {
		creator = fixtures.creator();
		fixtures.payoutsReady(creator);
		BundleId bundle = fixtures.published(creator, Fixtures.unique("Taxed film"), "film".getBytes(), "10.00", "USD");
		AccountPrincipal buyer = fixtures.viewer();
		String summary = mvc.perform(post("/checkout/{id}", bundle).with(user(buyer)).with(csrf()))
			.andReturn().getResponse().getRedirectedUrl();
		String url = mvc.perform(post(summary + "/pay").with(user(buyer)).with(csrf()))
			.andReturn().getResponse().getRedirectedUrl();
		session = url.substring(url.lastIndexOf('/') + 1);
		orderId = jdbc.sql("select id::text from orders where buyer_id = ?").param(buyer.accountId().value())
			.query(String.class).single();
		paymentIntent = "pi_tax_" + orderId.substring(0, 8);
	}

	@Test
	void taxAddedOnTopIsBookedApartAndTheCreatorGetsTheNetLessTheFeeOnce() throws Exception {
		stripe.paidSession(session, orderId, paymentIntent, "ch_tax_" + orderId.substring(0, 8), 1000, 190, 1190, "DE");

		deliver("evt_a", "checkout.session.completed").andExpect(status().isOk());
		deliver("evt_b", "checkout.session.async_payment_succeeded").andExpect(status().isOk());

		assertThat(order()).isEqualTo("PAID 1000 190 1190 100 DE");
		assertThat(ledger()).containsExactly("SALE 1190 190 100 900");
		assertThat(transferRequests()).singleElement().satisfies(r -> {
			assertThat(r.form()).containsEntry("amount", "900")
				.containsEntry("currency", "usd")
				.containsEntry("destination", "acct_ready_" + creator.accountId().value().toString().substring(0, 8))
				.containsEntry("transfer_group", "order-" + orderId)
				.containsEntry("source_transaction", "ch_tax_" + orderId.substring(0, 8));
			assertThat(r.idempotencyKey()).isEqualTo("transfer-" + orderId + "-" + creator.accountId());
		});
		assertThat(transfers()).containsExactly("SENT 900");
	}

	@Test
	void taxIncludedInThePriceLowersTheNetAndTheFeeOnIt() throws Exception {
		stripe.paidSession(session, orderId, paymentIntent, "ch_inc_" + orderId.substring(0, 8), 1000, 160, 1000, "FR");

		deliver("evt_c", "checkout.session.completed").andExpect(status().isOk());

		assertThat(order()).isEqualTo("PAID 1000 160 1000 84 FR");
		assertThat(ledger()).containsExactly("SALE 1000 160 84 756");
		assertThat(transferRequests()).singleElement()
			.satisfies(r -> assertThat(r.form()).containsEntry("amount", "756"));
	}

	@Test
	void aRefundReturnsTheTaxAndReversesTheTransfer() throws Exception {
		stripe.paidSession(session, orderId, paymentIntent, "ch_ref_" + orderId.substring(0, 8), 1000, 190, 1190, "DE");
		deliver("evt_d", "checkout.session.completed");

		mvc.perform(post("/studio/sales/{id}/refund", orderId).param("confirmed", "true").with(user(creator)).with(csrf()));

		assertThat(stripe.requests("POST", "/v1/refunds"))
			.filteredOn(r -> paymentIntent.equals(r.form().get("payment_intent"))).hasSize(1);
		String transfer = jdbc.sql("select stripe_transfer_id from transfers where order_id = ?::uuid").param(orderId)
			.query(String.class).single();
		assertThat(stripe.requests("POST", "/v1/transfers/" + transfer + "/reversals")).singleElement()
			.satisfies(r -> {
				assertThat(r.form()).containsEntry("amount", "900");
				assertThat(r.idempotencyKey()).isEqualTo("reversal-" + orderId + "-" + creator.accountId());
			});
		assertThat(transfers()).containsExactly("REVERSED 900");
		assertThat(ledger()).containsExactlyInAnyOrder("SALE 1190 190 100 900", "REFUND -1190 -190 -100 -900");
	}

	@Test
	void aLostDisputeReversesTheTransferOnceHoweverOftenItIsReported() throws Exception {
		stripe.paidSession(session, orderId, paymentIntent, "ch_dsp_" + orderId.substring(0, 8), 1000, 190, 1190, "DE");
		deliver("evt_e", "checkout.session.completed");
		stripe.put("disputes/dp_" + orderId, """
				{"id": "dp_%s", "object": "dispute", "status": "lost", "payment_intent": "%s"}
				""".formatted(orderId, paymentIntent));

		deliverAbout("evt_f", "charge.dispute.closed", "dp_" + orderId, "dispute").andExpect(status().isOk());
		deliverAbout("evt_g", "charge.dispute.updated", "dp_" + orderId, "dispute").andExpect(status().isOk());

		String transfer = jdbc.sql("select stripe_transfer_id from transfers where order_id = ?::uuid").param(orderId)
			.query(String.class).single();
		assertThat(stripe.requests("POST", "/v1/transfers/" + transfer + "/reversals")).hasSize(1);
		assertThat(transfers()).containsExactly("REVERSED 900");
	}

	@Test
	void aDestinationChargeFromBeforeTransfersOwesNoTransferAndItsRefundReversesStripesOwn() throws Exception {
		String intent = """
				{"id": "%s", "object": "payment_intent", "metadata": {"order_id": "%s"},
				 "transfer_data": {"destination": "acct_legacy"}}
				""".formatted(paymentIntent, orderId);
		stripe.put("checkout/sessions/" + session, """
				{"id": "%s", "object": "checkout.session", "client_reference_id": "%s", "status": "complete",
				 "payment_status": "paid", "payment_intent": %s}
				""".formatted(session, orderId, intent));
		stripe.put("payment_intents/" + paymentIntent, intent);

		deliver("evt_h", "checkout.session.completed").andExpect(status().isOk());
		assertThat(order()).isEqualTo("PAID 1000 0 - 100 -");
		assertThat(transfers()).isEmpty();

		mvc.perform(post("/studio/sales/{id}/refund", orderId).param("confirmed", "true").with(user(creator)).with(csrf()));

		assertThat(stripe.requests("POST", "/v1/refunds"))
			.filteredOn(r -> paymentIntent.equals(r.form().get("payment_intent")))
			.singleElement()
			.satisfies(r -> assertThat(r.form()).containsEntry("reverse_transfer", "true")
				.containsEntry("refund_application_fee", "true"));
		assertThat(transferRequests()).isEmpty();
	}

	@Test
	void eachCollaboratorGetsATransferOfTheirShareAndOneNotOnboardedIsPaidWhenTheyFinish() throws Exception {
		AccountPrincipal director = fixtures.viewer();
		AccountPrincipal composer = fixtures.viewer();
		fixtures.payoutsReady(director);
		collaborate(director, 3333);
		collaborate(composer, 3333);
		stripe.paidSession(session, orderId, paymentIntent, "ch_split_" + orderId.substring(0, 8), 1000, 190, 1190,
				"DE");

		deliver("evt_i", "checkout.session.completed").andExpect(status().isOk());

		// The fee is 100 of the net 1000; the 900 left is 300 each (33.34 %, 33.33 %, 33.33 % by largest remainder).
		assertThat(transferRequests()).extracting(r -> r.form().get("amount") + " " + r.idempotencyKey())
			.containsExactlyInAnyOrder("300 transfer-" + orderId + "-" + creator.accountId(),
					"300 transfer-" + orderId + "-" + director.accountId());
		assertThat(transfers()).containsExactlyInAnyOrder("SENT 300", "SENT 300", "PENDING 300");

		fixtures.payoutsReady(composer);
		transfers.payDue();

		assertThat(transferRequests()).extracting(r -> r.form().get("amount") + " " + r.idempotencyKey())
			.contains("300 transfer-" + orderId + "-" + composer.accountId());
		assertThat(transfers()).containsExactly("SENT 300", "SENT 300", "SENT 300");

		mvc.perform(post("/studio/sales/{id}/refund", orderId).param("confirmed", "true").with(user(creator)).with(csrf()));

		assertThat(stripe.requests("POST", "/v1/transfers/")).filteredOn(r -> r.path().endsWith("/reversals"))
			.filteredOn(r -> r.idempotencyKey().startsWith("reversal-" + orderId))
			.extracting(r -> r.form().get("amount") + " " + r.idempotencyKey())
			.containsExactlyInAnyOrder("300 reversal-" + orderId + "-" + creator.accountId(),
					"300 reversal-" + orderId + "-" + director.accountId(),
					"300 reversal-" + orderId + "-" + composer.accountId());
		assertThat(transfers()).containsExactly("REVERSED 300", "REVERSED 300", "REVERSED 300");
	}

	@Test
	void aLostDisputeOverPartOfThePaymentReversesThatPartOfEachShareAndTheLedgerBooksItPerParty() throws Exception {
		AccountPrincipal director = fixtures.viewer();
		fixtures.payoutsReady(director);
		collaborate(director, 5000);
		stripe.paidSession(session, orderId, paymentIntent, "ch_part_" + orderId.substring(0, 8), 1000, 190, 1190,
				"DE");
		deliver("evt_j", "checkout.session.completed").andExpect(status().isOk());
		assertThat(transfers()).containsExactly("SENT 450", "SENT 450");
		String dispute = "dp_part_" + orderId;
		String json = """
				{"id": "%s", "object": "dispute", "status": "%s", "payment_intent": "%s", "amount": 500,
				 "currency": "usd"}
				""";

		stripe.put("disputes/" + dispute, json.formatted(dispute, "needs_response", paymentIntent));
		deliverAbout("evt_k", "charge.dispute.created", dispute, "dispute").andExpect(status().isOk());

		// 500 of 1190 in proportion: 79.83 tax, 42.02 fee, 189.08 each share; the cent left goes to the tax's .83.
		assertThat(ledger()).contains("DISPUTE -500 -80 -42 -378");
		assertThat(lines("DISPUTE")).containsExactly("TAX -80", "PLATFORM -42", "OWNER -189", "COLLABORATOR -189");
		assertThat(reversals()).isEmpty();

		stripe.put("disputes/" + dispute, json.formatted(dispute, "lost", paymentIntent));
		deliverAbout("evt_l", "charge.dispute.closed", dispute, "dispute").andExpect(status().isOk());
		deliverAbout("evt_m", "charge.dispute.updated", dispute, "dispute").andExpect(status().isOk());

		assertThat(reversals()).containsExactlyInAnyOrder("189 reversal-" + orderId + "-" + creator.accountId(),
				"189 reversal-" + orderId + "-" + director.accountId());
		assertThat(jdbc.sql("select status || ' ' || amount_minor || ' ' || reversed_minor from transfers "
				+ "where order_id = ?::uuid").param(orderId).query(String.class).list())
			.containsExactly("REVERSED 450 189", "REVERSED 450 189");
		// What the director keeps: 4.50 less 1.89.
		mvc.perform(get("/collaborations").with(user(director)))
			.andExpect(content().string(containsString("$2.61")));
	}

	@Test
	void aCollaboratorWhoIsNoCreatorConnectsStripeFromCollaborationsAndTheJobPaysWhatTheyAccrued() throws Exception {
		AccountPrincipal composer = fixtures.viewer();
		collaborate(composer, 5000);
		stripe.paidSession(session, orderId, paymentIntent, "ch_onb_" + orderId.substring(0, 8), 1000, 190, 1190,
				"DE");
		deliver("evt_n", "checkout.session.completed").andExpect(status().isOk());
		assertThat(transfers()).containsExactly("PENDING 450", "SENT 450");

		mvc.perform(get("/collaborations").with(user(composer)))
			.andExpect(content().string(containsString("action=\"/collaborations/payouts/connect\"")))
			.andExpect(content().string(containsString("Connect with Stripe")));
		// Without an accepted share there is nothing to set up.
		mvc.perform(post("/collaborations/payouts/connect").with(user(fixtures.viewer())).with(csrf()))
			.andExpect(status().isNotFound());
		mvc.perform(post("/collaborations/payouts/connect").with(user(composer)).with(csrf()))
			.andExpect(redirectedUrlPattern("https://connect.stripe.test/setup/e/acct_test_*/*"));
		mvc.perform(get("/collaborations/payouts/refresh").with(user(composer)))
			.andExpect(redirectedUrlPattern("https://connect.stripe.test/setup/e/acct_test_*/*"));

		String account = jdbc.sql("select stripe_account_id from seller_accounts where account_id = ?")
			.param(composer.accountId().value()).query(String.class).single();
		assertThat(stripe.requests("POST", "/v1/account_links"))
			.filteredOn(r -> account.equals(r.form().get("account")))
			.isNotEmpty()
			.allSatisfy(r -> assertThat(r.form())
				.hasEntrySatisfying("refresh_url", url -> assertThat(url).endsWith("/collaborations/payouts/refresh"))
				.hasEntrySatisfying("return_url", url -> assertThat(url).endsWith("/collaborations/payouts/return")));
		stripe.put("accounts/" + account, StripeStub.account(account, true));
		mvc.perform(get("/collaborations/payouts/return").with(user(composer)))
			.andExpect(redirectedUrl("/collaborations"))
			.andExpect(flash().attribute("success", "collaborators.payouts.ready"));

		transfers.payDue();

		assertThat(transferRequests()).filteredOn(r -> account.equals(r.form().get("destination")))
			.singleElement()
			.satisfies(r -> {
				assertThat(r.form()).containsEntry("amount", "450");
				assertThat(r.idempotencyKey()).isEqualTo("transfer-" + orderId + "-" + composer.accountId());
			});
		assertThat(transfers()).containsExactly("SENT 450", "SENT 450");
	}

	private List<String> lines(String kind) {
		return jdbc.sql("""
				select party || ' ' || amount_minor from ledger_lines where order_id = ?::uuid and kind = ?
				order by array_position(array['TAX', 'PLATFORM', 'OWNER', 'COLLABORATOR'], party::text)
				""").params(orderId, kind).query(String.class).list();
	}

	private List<String> reversals() {
		return stripe.requests("POST", "/v1/transfers/").stream()
			.filter(r -> r.path().endsWith("/reversals") && r.idempotencyKey() != null
					&& r.idempotencyKey().startsWith("reversal-" + orderId))
			.map(r -> r.form().get("amount") + " " + r.idempotencyKey())
			.toList();
	}

	/** An accepted collaboration (the invitation flow itself is CollaboratorTests'). */
	private void collaborate(AccountPrincipal who, int basisPoints) {
		String bundle = jdbc.sql("select bundle_id::text from orders where id = ?::uuid").param(orderId)
			.query(String.class).single();
		jdbc.sql("""
				insert into collaborators (id, bundle_id, email, basis_points, token_hash, account_id, invited_at, accepted_at)
				values (gen_random_uuid(), ?::uuid, ?, ?, md5(random()::text), ?, now(), now())
				""").params(bundle, who.email(), basisPoints, who.accountId().value()).update();
	}

	private ResultActions deliver(String eventId, String type) throws Exception {
		return deliverAbout(eventId, type, session, "checkout.session");
	}

	private ResultActions deliverAbout(String eventId, String type, String objectId, String object) throws Exception {
		String payload = StripeWebhooks.event(eventId + "_" + orderId, type, objectId, object);
		return mvc.perform(post("/stripe/webhook").contentType(MediaType.APPLICATION_JSON).content(payload)
			.header("Stripe-Signature", StripeWebhooks.sign(payload, StripeIntegrationTest.WEBHOOK_SECRET, Instant.now())));
	}

	private List<StripeStub.Request> transferRequests() {
		return stripe.requests("POST", "/v1/transfers").stream()
			.filter(r -> ("order-" + orderId).equals(r.form().get("transfer_group")))
			.toList();
	}

	private String order() {
		return jdbc.sql("select status || ' ' || amount_minor || ' ' || tax_minor || ' ' || coalesce(gross_minor::text, "
				+ "'-') || ' ' || fee_minor || ' ' || coalesce(tax_country, '-') from orders where id = ?::uuid").param(orderId)
			.query(String.class).single();
	}

	private List<String> ledger() {
		return jdbc.sql("select kind || ' ' || gross_minor || ' ' || tax_minor || ' ' || fee_minor || ' ' || net_minor "
				+ "from ledger_entries where order_id = ?::uuid").param(orderId).query(String.class).list();
	}

	private List<String> transfers() {
		return jdbc.sql("select status || ' ' || amount_minor from transfers where order_id = ?::uuid order by status")
			.param(orderId)
			.query(String.class).list();
	}
}
