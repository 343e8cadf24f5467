package io.reelgate.checkout.stripe;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.catalog.CatalogService;
import io.reelgate.shared.BundleId;
import io.reelgate.support.Fixtures;
import io.reelgate.support.Sounds;
import io.reelgate.support.StripeIntegrationTest;
import io.reelgate.support.StripeStub;
import io.reelgate.support.StripeWebhooks;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A rental of a US-dollar bundle bought in euros with Stripe, end to end: the Checkout Session charges the euro
 * rental price (with the rental's tax code), the signed webhook settles it with VAT added, the order, the ledger (per
 * party) and the creator's transfer are in euros, and the rental streams for its window from the first play.
 */
@StripeIntegrationTest
class StripeRentalInEurosTests {

	private final StripeStub stripe = StripeStub.get();

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	CatalogService catalogService;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aEuroRentalOfADollarBundleIsChargedBookedAndTransferredInEurosAndStreamsForItsWindow() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		fixtures.payoutsReady(creator);
		String title = Fixtures.unique("Euro rental");
		BundleId bundle = fixtures.draft(creator, title, Sounds.wav(1), "9.99", "USD");
		fixtures.as(creator, () -> {
			catalogService.offerRental(creator.accountId(), bundle, "2.99", 48);
			return null;
		});
		fixtures.publish(creator, bundle);
		mvc.perform(post("/studio/bundles/{id}/prices/EUR", bundle).with(user(creator)).with(csrf())
			.param("amount", "9.00").param("rental", "2.50"))
			.andExpect(flash().attribute("success", "prices.saved"));
		UUID locked = jdbc.sql("select id from bundle_files where bundle_id = ? and not unlocked")
			.param(bundle.value()).query(UUID.class).single();
		AccountPrincipal viewer = fixtures.viewer();

		String summary = mvc.perform(post("/checkout/{id}/rental", bundle).with(user(viewer)).with(csrf())
			.param("currency", "EUR"))
			.andExpect(redirectedUrlPattern("/checkout/orders/*"))
			.andReturn().getResponse().getRedirectedUrl();
		String checkoutUrl = mvc.perform(post(summary + "/pay").with(user(viewer)).with(csrf()))
			.andExpect(redirectedUrlPattern("https://checkout.stripe.test/c/pay/cs_test_*"))
			.andReturn().getResponse().getRedirectedUrl();
		String session = checkoutUrl.substring(checkoutUrl.lastIndexOf('/') + 1);
		String orderId = jdbc.sql("select id::text from orders where buyer_id = ? and kind = 'RENTAL'")
			.param(viewer.accountId().value()).query(String.class).single();
		assertThat(stripe.requests("POST", "/v1/checkout/sessions"))
			.filteredOn(r -> orderId.equals(r.form().get("client_reference_id")))
			.singleElement()
			.satisfies(r -> assertThat(r.form()).containsEntry("line_items[0][price_data][currency]", "eur")
				.containsEntry("line_items[0][price_data][unit_amount]", "250")
				.containsEntry("line_items[0][price_data][product_data][tax_code]", "txcd_10402000")
				.containsEntry("automatic_tax[enabled]", "true")
				.containsEntry("payment_intent_data[transfer_group]", "order-" + orderId));

		// Stripe Tax adds 19 % German VAT to the 2.50: the buyer pays 2.98 (0.475 rounds to 0.48).
		String intent = "pi_eur_" + orderId.substring(0, 8);
		String charge = "ch_eur_" + orderId.substring(0, 8);
		stripe.put("checkout/sessions/" + session, """
				{"id": "%s", "object": "checkout.session", "client_reference_id": "%s", "metadata": {"order_id": "%s"},
				 "status": "complete", "payment_status": "paid", "currency": "eur",
				 "payment_intent": {"id": "%s", "object": "payment_intent", "latest_charge": "%s"},
				 "amount_subtotal": 250, "amount_total": 298, "total_details": {"amount_tax": 48},
				 "customer_details": {"address": {"country": "DE"}}}
				""".formatted(session, orderId, orderId, intent, charge));
		String payload = StripeWebhooks.event("evt_eur_" + orderId, "checkout.session.completed", session,
				"checkout.session");
		mvc.perform(post("/stripe/webhook").contentType(MediaType.APPLICATION_JSON).content(payload)
			.header("Stripe-Signature", StripeWebhooks.sign(payload, StripeIntegrationTest.WEBHOOK_SECRET, Instant.now())))
			.andExpect(status().isOk());

		assertThat(jdbc.sql("select kind || ' ' || status || ' ' || currency || ' ' || amount_minor || ' ' || tax_minor "
				+ "|| ' ' || gross_minor || ' ' || fee_minor || ' ' || rental_hours from orders where id = ?::uuid")
			.param(orderId).query(String.class).single()).isEqualTo("RENTAL PAID EUR 250 48 298 25 48");
		assertThat(jdbc.sql("select kind || ' ' || currency || ' ' || gross_minor || ' ' || tax_minor || ' ' || fee_minor "
				+ "|| ' ' || net_minor from ledger_entries where order_id = ?::uuid").param(orderId)
			.query(String.class).list()).containsExactly("SALE EUR 298 48 25 225");
		assertThat(jdbc.sql("""
				select party || ' ' || currency || ' ' || amount_minor from ledger_lines where order_id = ?::uuid
				order by array_position(array['TAX', 'PLATFORM', 'OWNER', 'COLLABORATOR'], party::text)
				""").param(orderId).query(String.class).list())
			.containsExactly("TAX EUR 48", "PLATFORM EUR 25", "OWNER EUR 225");
		assertThat(stripe.requests("POST", "/v1/transfers"))
			.filteredOn(r -> ("order-" + orderId).equals(r.form().get("transfer_group")))
			.singleElement()
			.satisfies(r -> assertThat(r.form()).containsEntry("amount", "225")
				.containsEntry("currency", "eur")
				.containsEntry("source_transaction", charge));

		// The window starts at the first play and the rental streams only inside it.
		assertThat(firstPlayed(viewer, bundle)).isNull();
		mvc.perform(get("/downloads/{id}", locked).with(user(viewer))).andExpect(status().isForbidden());
		mvc.perform(get("/stream/{id}", locked).with(user(viewer))).andExpect(status().isOk());
		assertThat(firstPlayed(viewer, bundle)).isNotNull();
		jdbc.sql("update entitlements set first_played_at = ? where account_id = ? and bundle_id = ?")
			.params(Instant.now().minus(Duration.ofHours(48)).minusSeconds(1).atOffset(ZoneOffset.UTC),
					viewer.accountId().value(), bundle.value())
			.update();
		mvc.perform(get("/stream/{id}", locked).with(user(viewer)))
			.andExpect(status().isGone())
			.andExpect(content().string(containsString("Your rental ended")));
	}

	private Instant firstPlayed(AccountPrincipal viewer, BundleId bundle) {
		return jdbc.sql("select first_played_at from entitlements where account_id = ? and bundle_id = ?")
			.params(viewer.accountId().value(), bundle.value())
			.query(OffsetDateTime.class).optional().map(OffsetDateTime::toInstant).orElse(null);
	}
}
