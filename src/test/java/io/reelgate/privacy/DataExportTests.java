package io.reelgate.privacy;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.catalog.CatalogService;
import io.reelgate.checkout.Discount;
import io.reelgate.checkout.DiscountService;
import io.reelgate.checkout.DiscountService.NewDiscountCode;
import io.reelgate.shared.BundleId;
import io.reelgate.support.Fixtures;
import io.reelgate.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

@IntegrationTest
class DataExportTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	CatalogService catalogService;

	@Autowired
	DiscountService discounts;

	@Test
	void anAccountDownloadsItsOwnDataAsJson() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		String made = Fixtures.unique("Made");
		fixtures.published(creator, made, "x".getBytes());
		AccountPrincipal buyer = fixtures.viewer();
		String bought = Fixtures.unique("Bought");
		BundleId bundle = fixtures.published(fixtures.creator(), bought, "x".getBytes());
		mvc.perform(post("/checkout/{id}", bundle).with(user(buyer)).with(csrf())).andExpect(redirectedUrl("/library"));

		mvc.perform(get("/account/export").with(user(buyer)))
			.andExpect(header().string("Content-Disposition", containsString("attachment")))
			.andExpect(jsonPath("$.account.email").value(buyer.email()))
			.andExpect(jsonPath("$.account.status").value("ACTIVE"))
			.andExpect(jsonPath("$.library", hasSize(1)))
			.andExpect(jsonPath("$.library[0].title").value(bought))
			.andExpect(jsonPath("$.bundles", hasSize(0)));
		mvc.perform(get("/account/export").with(user(creator)))
			.andExpect(jsonPath("$.account.role").value("CREATOR"))
			.andExpect(jsonPath("$.bundles[0].title").value(made))
			.andExpect(jsonPath("$.bundles[0].files[0]").value("film.mp4"));
	}

	@Test
	void theExportHoldsOrdersEmailsGivenToGatesAndACreatorsDiscountCodes() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		BundleId paid = fixtures.published(creator, Fixtures.unique("Paid"), "x".getBytes(), "6.00", "USD");
		BundleId gated = fixtures.draft(creator, Fixtures.unique("Gated"), "x".getBytes());
		fixtures.as(creator, () -> {
			catalogService.requireEmail(creator.accountId(), gated);
			return null;
		});
		fixtures.publish(creator, gated);
		String code = Fixtures.unique("EXPORT").toUpperCase();
		fixtures.as(creator, () -> discounts.create(creator.accountId(),
				new NewDiscountCode(code, paid, new Discount.Percent(10), null, 5)));
		AccountPrincipal buyer = fixtures.viewer();
		String payAt = mvc.perform(post("/checkout/{id}", paid).with(user(buyer)).with(csrf()))
			.andReturn().getResponse().getRedirectedUrl();
		mvc.perform(post(payAt + "/pay").with(user(buyer)).with(csrf()));
		mvc.perform(post("/bundles/{id}/email-unlock", gated).with(user(buyer)).with(csrf())
			.param("email", buyer.email()).param("consent", "true"));

		mvc.perform(get("/account/export").with(user(buyer)))
			.andExpect(jsonPath("$.orders", hasSize(1)))
			.andExpect(jsonPath("$.orders[0].bundleId").value(paid.toString()))
			.andExpect(jsonPath("$.orders[0].status").value("PAID"))
			.andExpect(jsonPath("$.orders[0].amountMinor").value(600))
			.andExpect(jsonPath("$.orders[0].currency").value("USD"))
			.andExpect(jsonPath("$.emailsGiven", hasSize(1)))
			.andExpect(jsonPath("$.emailsGiven[0].email").value(buyer.email()))
			.andExpect(jsonPath("$.giftsSent", hasSize(0)))
			.andExpect(jsonPath("$.discountCodes", hasSize(0)));
		mvc.perform(get("/account/export").with(user(creator)))
			.andExpect(jsonPath("$.orders", hasSize(0)))
			.andExpect(jsonPath("$.emailsGiven", hasSize(0)))
			.andExpect(jsonPath("$.discountCodes", hasSize(1)))
			.andExpect(jsonPath("$.discountCodes[0].code").value(code))
			.andExpect(jsonPath("$.discountCodes[0].discount").value("10%"))
			.andExpect(jsonPath("$.discountCodes[0].usageLimit").value(5));
	}

	@Test
	void anonymousVisitorsAreSentToLogIn() throws Exception {
		mvc.perform(get("/account/export")).andExpect(redirectedUrl("/login"));
	}
}
