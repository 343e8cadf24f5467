package io.reelgate.checkout.stripe;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.catalog.CatalogService;
import io.reelgate.library.Library;
import io.reelgate.shared.BundleId;
import io.reelgate.support.Fixtures;
import io.reelgate.support.Sounds;
import io.reelgate.support.StripeIntegrationTest;
import io.reelgate.support.StripeStub;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * Stripe out of reach while a buyer buys, rents or gives: back to the bundle page with "try again later" (the one
 * refusal advice's answer to a gateway failure), never an error page, and nothing owned.
 */
@StripeIntegrationTest
class StripeGatewayDownTests {

	private final StripeStub stripe = StripeStub.get();

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	CatalogService catalogService;

	@Autowired
	Library library;

	@Test
	void payingWithStripeWhileItIsUnreachableGoesBackToTheOrderSummaryWithAMessage() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		fixtures.payoutsReady(creator);
		BundleId bundle = fixtures.draft(creator, Fixtures.unique("Unreachable"), Sounds.wav(1), "19.99", "USD");
		fixtures.as(creator, () -> {
			catalogService.offerRental(creator.accountId(), bundle, "4.99", 48);
			return null;
		});
		fixtures.publish(creator, bundle);
		AccountPrincipal viewer = fixtures.viewer();

		try (AutoCloseable down = stripe.unreachable("checkout/sessions")) {
			for (MockHttpServletRequestBuilder request : new MockHttpServletRequestBuilder[] {
					post("/checkout/{id}", bundle), post("/checkout/{id}/rental", bundle),
					post("/checkout/{id}/gift", bundle).param("recipient", Fixtures.unique("friend") + "@example.test") }) {
				String summary = mvc.perform(request.with(user(viewer)).with(csrf()))
					.andReturn().getResponse().getRedirectedUrl();
				assertThat(summary).startsWith("/checkout/orders/");
				mvc.perform(post(summary + "/pay").with(user(viewer)).with(csrf()))
					.andExpect(redirectedUrl(summary))
					.andExpect(flash().attribute("error", "checkout.gatewayDown"));
			}
		}
		assertThat(library.owns(viewer.accountId(), bundle)).isFalse();
	}
}
