package io.reelgate.checkout.stripe;

import java.util.List;
import java.util.Map;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.catalog.CatalogService;
import io.reelgate.library.Library;
import io.reelgate.shared.BundleId;
import io.reelgate.support.Fixtures;
import io.reelgate.support.Sounds;
import io.reelgate.support.StripeIntegrationTest;
import io.reelgate.support.StripeStub;
import io.reelgate.support.StripeStub.Request;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@StripeIntegrationTest
class StripeCheckoutTests {

	private final StripeStub stripe = StripeStub.get();

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Library library;

	@Autowired
	CatalogService catalogService;

	@Autowired
	JdbcClient jdbc;

	@Test
	void buyCreatesACheckoutSessionFromTheServersPriceWithStripeTaxTransferGroupAndIdempotencyKey() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		fixtures.payoutsReady(creator);
		BundleId bundle = fixtures.published(creator, Fixtures.unique("Stripe film"), "x".getBytes(), "19.99", "USD");
		AccountPrincipal viewer = fixtures.viewer();

		payWithStripe(viewer, mvc.perform(post("/checkout/{id}", bundle).with(user(viewer)).with(csrf()).param("amount", "1"))
			.andExpect(redirectedUrlPattern("/checkout/orders/*"))
			.andReturn().getResponse().getRedirectedUrl())
			.andExpect(redirectedUrlPattern("https://checkout.stripe.test/c/pay/cs_test_*"));

		String orderId = jdbc.sql("select id::text from orders where buyer_id = ?").param(viewer.accountId().value())
			.query(String.class).single();
		Request created = lastSessionCreatedFor(orderId);
		Map<String, String> form = created.form();
		assertThat(form).containsEntry("mode", "payment")
			.containsEntry("line_items[0][price_data][unit_amount]", "1999")
			.containsEntry("line_items[0][price_data][currency]", "usd")
			.containsEntry("line_items[0][quantity]", "1")
			.containsEntry("automatic_tax[enabled]", "true")
			.containsEntry("line_items[0][price_data][product_data][tax_code]", "txcd_10402100")
			.containsEntry("line_items[0][price_data][tax_behavior]", "exclusive")
			.containsEntry("billing_address_collection", "required")
			.containsEntry("payment_intent_data[transfer_group]", "order-" + orderId)
			.containsEntry("payment_intent_data[metadata][order_id]", orderId)
			.containsEntry("client_reference_id", orderId)
			.containsEntry("metadata[order_id]", orderId)
			.containsEntry("customer_email", viewer.email());
		// Separate charges and transfers: the shares are transferred once the net is known, not at the charge.
		assertThat(form).doesNotContainKeys("payment_intent_data[application_fee_amount]",
				"payment_intent_data[transfer_data][destination]");
		assertThat(form.get("success_url")).endsWith("/checkout/stripe/return?session_id={CHECKOUT_SESSION_ID}");
		assertThat(created.idempotencyKey()).isEqualTo("checkout-" + orderId);
		assertThat(jdbc.sql("select checkout_session_id from orders where id = ?::uuid").param(orderId)
			.query(String.class).single()).startsWith("cs_test_");
	}

	@Test
	void rentCreatesACheckoutSessionAtTheServersRentalPriceNamedAsARental() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		fixtures.payoutsReady(creator);
		String title = Fixtures.unique("Stripe rental");
		BundleId bundle = fixtures.draft(creator, title, Sounds.wav(1), "19.99", "USD");
		fixtures.as(creator, () -> {
			catalogService.offerRental(creator.accountId(), bundle, "4.99", 48);
			return null;
		});
		fixtures.publish(creator, bundle);
		AccountPrincipal viewer = fixtures.viewer();

		payWithStripe(viewer, mvc.perform(post("/checkout/{id}/rental", bundle).with(user(viewer)).with(csrf()).param("amount", "1")
			.param("code", "ANY"))
			.andExpect(redirectedUrlPattern("/checkout/orders/*"))
			.andReturn().getResponse().getRedirectedUrl())
			.andExpect(redirectedUrlPattern("https://checkout.stripe.test/c/pay/cs_test_*"));

		String orderId = jdbc.sql("select id::text from orders where buyer_id = ? and kind = 'RENTAL'")
			.param(viewer.accountId().value()).query(String.class).single();
		assertThat(lastSessionCreatedFor(orderId).form())
			.containsEntry("line_items[0][price_data][unit_amount]", "499")
			.containsEntry("line_items[0][price_data][product_data][name]", "Rental (48 h): " + title)
			.containsEntry("line_items[0][price_data][product_data][tax_code]", "txcd_10402000");
	}

	@Test
	void aGiftIsChargedTheServersPriceWithALineItemThatSaysGift() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		fixtures.payoutsReady(creator);
		String title = Fixtures.unique("Gifted film");
		BundleId bundle = fixtures.published(creator, title, "x".getBytes(), "8.00", "USD");
		AccountPrincipal viewer = fixtures.viewer();

		payWithStripe(viewer, mvc.perform(post("/checkout/{id}/gift", bundle).with(user(viewer)).with(csrf())
			.param("recipient", "friend@example.test").param("amount", "1"))
			.andExpect(redirectedUrlPattern("/checkout/orders/*"))
			.andReturn().getResponse().getRedirectedUrl())
			.andExpect(redirectedUrlPattern("https://checkout.stripe.test/c/pay/cs_test_*"));

		String orderId = jdbc.sql("select id::text from orders where buyer_id = ? and gift_email = 'friend@example.test'")
			.param(viewer.accountId().value()).query(String.class).single();
		assertThat(lastSessionCreatedFor(orderId).form())
			.containsEntry("line_items[0][price_data][unit_amount]", "800")
			.containsEntry("line_items[0][price_data][product_data][name]", "Gift: " + title);
	}

	@Test
	void clickingBuyAgainSendsTheSameIdempotencyKeyForTheSameOrder() throws Exception {
		BundleId bundle = readyBundle("5.00");
		AccountPrincipal viewer = fixtures.viewer();
		for (int click = 0; click < 2; click++) {
			String summary = mvc.perform(post("/checkout/{id}", bundle).with(user(viewer)).with(csrf()))
				.andReturn().getResponse().getRedirectedUrl();
			payWithStripe(viewer, summary);
		}

		String orderId = jdbc.sql("select id::text from orders where buyer_id = ?").param(viewer.accountId().value())
			.query(String.class).single();
		assertThat(stripe.requests("POST", "/v1/checkout/sessions"))
			.filteredOn(r -> orderId.equals(r.form().get("client_reference_id")))
			.extracting(Request::idempotencyKey)
			.containsExactly("checkout-" + orderId, "checkout-" + orderId);
	}

	@Test
	void theReturnPageGrantsOnlyAPaidSessionOfTheBuyersOwnOrder() throws Exception {
		BundleId bundle = readyBundle("8.00");
		AccountPrincipal viewer = fixtures.viewer();
		String session = startCheckout(viewer, bundle);
		String orderId = orderOf(viewer);

		mvc.perform(get("/checkout/stripe/return").param("session_id", session).with(user(viewer)))
			.andExpect(redirectedUrl("/library"))
			.andExpect(flash().attribute("success", "checkout.processing"));
		assertThat(library.owns(viewer.accountId(), bundle)).as("unpaid session").isFalse();

		mvc.perform(get("/checkout/stripe/return").param("session_id", "cs_forged").with(user(viewer)))
			.andExpect(status().isNotFound());
		stripe.session(session, orderId, "complete", "paid", "pi_return_" + orderId.substring(0, 8));
		mvc.perform(get("/checkout/stripe/return").param("session_id", session).with(user(fixtures.viewer())))
			.andExpect(status().isNotFound());
		assertThat(library.owns(viewer.accountId(), bundle)).as("someone else's return").isFalse();

		mvc.perform(get("/checkout/stripe/return").param("session_id", session).with(user(viewer)))
			.andExpect(redirectedUrl("/library"))
			.andExpect(flash().attribute("success", "checkout.paid"));
		assertThat(library.owns(viewer.accountId(), bundle)).isTrue();
		assertThat(ledger(orderId)).containsExactly("SALE 800 80 720");
	}

	@Test
	void aCreatorWithoutAnEnabledStripeAccountCannotSellPaidBundles() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		BundleId draft = fixtures.draft(creator, Fixtures.unique("Unpaid creator"), "x".getBytes(), "5.00", "USD");

		mvc.perform(post("/studio/bundles/{id}/publish", draft).with(user(creator)).with(csrf()))
			.andExpect(flash().attribute("error", "bundle.publish.payoutsNeeded"));
		BundleId free = fixtures.published(creator, Fixtures.unique("Free is fine"), "x".getBytes());
		mvc.perform(post("/studio/bundles/{id}/gate", free).with(user(creator)).with(csrf())
			.param("gate", "PAID").param("amount", "3.00").param("currency", "USD"))
			.andExpect(flash().attribute("error", "bundle.publish.payoutsNeeded"));
		assertThatThrownBy(() -> fixtures.as(creator, () -> {
			catalogService.publish(creator.accountId(), draft);
			return null;
		})).hasMessage("bundle.publish.payoutsNeeded");
	}

	@Test
	void connectOnboardingCreatesOneExpressAccountAndAFreshLinkPerVisit() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		mvc.perform(get("/studio").with(user(creator)))
			.andExpect(content().string(containsString("Connect with Stripe")));

		mvc.perform(post("/studio/payouts/connect").with(user(creator)).with(csrf()))
			.andExpect(redirectedUrlPattern("https://connect.stripe.test/setup/e/acct_test_*/*"));
		mvc.perform(get("/studio/payouts/refresh").with(user(creator)))
			.andExpect(redirectedUrlPattern("https://connect.stripe.test/setup/e/acct_test_*/*"));

		Request account = stripe.requests("POST", "/v1/accounts").stream()
			.filter(r -> ("connect-" + creator.accountId()).equals(r.idempotencyKey())).findFirst().orElseThrow();
		assertThat(account.form()).containsEntry("type", "express")
			.containsEntry("email", creator.email())
			.containsEntry("capabilities[transfers][requested]", "true");
		String accountId = jdbc.sql("select stripe_account_id from seller_accounts where account_id = ?")
			.param(creator.accountId().value()).query(String.class).single();
		assertThat(stripe.requests("POST", "/v1/accounts").stream()
			.filter(r -> ("connect-" + creator.accountId()).equals(r.idempotencyKey()))).hasSize(1);
		assertThat(stripe.requests("POST", "/v1/account_links"))
			.filteredOn(r -> accountId.equals(r.form().get("account")))
			.isNotEmpty()
			.allSatisfy(r -> assertThat(r.idempotencyKey()).startsWith("account-link-" + creator.accountId()))
			.allSatisfy(r -> assertThat(r.form()).containsEntry("type", "account_onboarding")
				.hasEntrySatisfying("refresh_url", url -> assertThat(url).endsWith("/studio/payouts/refresh")));

		stripe.put("accounts/" + accountId, StripeStub.account(accountId, true));
		mvc.perform(get("/studio/payouts/return").with(user(creator)))
			.andExpect(redirectedUrl("/studio"))
			.andExpect(flash().attribute("success", "payouts.ready"));
		fixtures.published(creator, Fixtures.unique("Now paid"), "x".getBytes(), "5.00", "USD");
	}

	@Test
	void theAdminPageSaysWhichGatewayIsActive() throws Exception {
		mvc.perform(get("/admin/payments").with(user(fixtures.admin())))
			.andExpect(content().string(containsString("Payment gateway: Stripe (test mode)")));
	}

	private BundleId readyBundle(String price) {
		AccountPrincipal creator = fixtures.creator();
		fixtures.payoutsReady(creator);
		return fixtures.published(creator, Fixtures.unique("Film"), "x".getBytes(), price, "USD");
	}

	private String startCheckout(AccountPrincipal viewer, BundleId bundle) throws Exception {
		String summary = mvc.perform(post("/checkout/{id}", bundle).with(user(viewer)).with(csrf()))
			.andReturn().getResponse().getRedirectedUrl();
		String url = payWithStripe(viewer, summary).andReturn().getResponse().getRedirectedUrl();
		return url.substring(url.lastIndexOf('/') + 1);
	}

	private String orderOf(AccountPrincipal viewer) {
		return jdbc.sql("select id::text from orders where buyer_id = ?").param(viewer.accountId().value())
			.query(String.class).single();
	}

	private Request lastSessionCreatedFor(String orderId) {
		return stripe.requests("POST", "/v1/checkout/sessions").stream()
			.filter(r -> orderId.equals(r.form().get("client_reference_id")))
			.reduce((first, second) -> second)
			.orElseThrow();
	}

	private List<String> ledger(String orderId) {
		return jdbc.sql("select kind || ' ' || gross_minor || ' ' || fee_minor || ' ' || net_minor from ledger_entries "
				+ "where order_id = ?::uuid order by occurred_at, kind").param(orderId).query(String.class).list();
	}

	/** "Pay with Stripe" on the order summary that the checkout redirected to. */
	private org.springframework.test.web.servlet.ResultActions payWithStripe(AccountPrincipal viewer, String summary)
			throws Exception {
		return mvc.perform(post(summary + "/pay").with(user(viewer)).with(csrf()));
	}
}
