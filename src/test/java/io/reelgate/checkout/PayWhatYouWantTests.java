package io.reelgate.checkout;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.catalog.CatalogService;
import io.reelgate.checkout.DiscountService.NewDiscountCode;
import io.reelgate.library.Library;
import io.reelgate.shared.BundleId;
import io.reelgate.support.Fixtures;
import io.reelgate.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;

@IntegrationTest
class PayWhatYouWantTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	CatalogService catalogService;

	@Autowired
	Library library;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DiscountService discounts;

	@Test
	void theCreatorSetsAMinimumAndASuggestionAndTheViewerPaysTheAmountTheyChose() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		BundleId bundle = fixtures.published(creator, Fixtures.unique("Choose"), "film".getBytes());
		mvc.perform(post("/studio/bundles/{id}/gate", bundle).with(user(creator)).with(csrf())
			.param("gate", "PWYW").param("amount", "3.00").param("suggested", "8.00").param("currency", "USD"))
			.andExpect(flash().attribute("success", "gate.saved"));
		mvc.perform(get("/bundles/{id}", bundle))
			.andExpect(content().string(containsString("Log in to buy")));
		AccountPrincipal viewer = fixtures.viewer();
		mvc.perform(get("/bundles/{id}", bundle).with(user(viewer)))
			.andExpect(content().string(containsString("Name your price (USD)")))
			.andExpect(content().string(containsString("value=\"8.00\"")))
			.andExpect(content().string(containsString("At least $3.00; suggested $8.00.")));

		String payPage = mvc.perform(post("/checkout/{id}", bundle).with(user(viewer)).with(csrf())
			.param("amount", "12.50"))
			.andExpect(redirectedUrlPattern("/checkout/simulated/*"))
			.andReturn().getResponse().getRedirectedUrl();
		mvc.perform(get(payPage).with(user(viewer))).andExpect(content().string(containsString("$12.50")));
		mvc.perform(post(payPage + "/pay").with(user(viewer)).with(csrf())).andExpect(redirectedUrl("/library"));

		assertThat(library.owns(viewer.accountId(), bundle)).isTrue();
		assertThat(jdbc.sql("select amount_minor || ' ' || list_price_minor || ' ' || currency || ' ' || status "
				+ "from orders where bundle_id = ?").param(bundle.value()).query(String.class).list())
			.containsExactly("1250 1250 USD PAID");
		assertThat(jdbc.sql("select gross_minor from ledger_entries where bundle_id = ?").param(bundle.value())
			.query(Long.class).list()).containsExactly(1250L);
		mvc.perform(get("/studio/sales").with(user(creator))).andExpect(content().string(containsString("$12.50")));
	}

	@Test
	void anAmountBelowTheMinimumIsRefusedWithAFormErrorAndNoOrder() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		BundleId bundle = pwyw(creator, "3.00", "5.00");
		AccountPrincipal viewer = fixtures.viewer();

		MvcResult refused = mvc.perform(post("/checkout/{id}", bundle).with(user(viewer)).with(csrf())
			.param("amount", "2.99"))
			.andExpect(redirectedUrl("/bundles/" + bundle))
			.andExpect(flash().attribute("error", "checkout.amount.belowMinimum"))
			.andReturn();
		// The redirect shows the form again, with the reason next to the amount the viewer typed.
		mvc.perform(get("/bundles/{id}", bundle).with(user(viewer)).cookie(refused.getResponse().getCookie("SESSION")))
			.andExpect(content().string(containsString("aria-invalid=\"true\"")))
			.andExpect(content().string(containsString("The minimum for this bundle is 3.00 USD.")))
			.andExpect(content().string(containsString("value=\"2.99\"")));
		for (String amount : new String[] { "", "abc", "-4", "3.001", "0", "100000.00" }) {
			// Each from another viewer, to stay within the checkout rate limit.
			mvc.perform(post("/checkout/{id}", bundle).with(user(fixtures.viewer())).with(csrf()).param("amount", amount))
				.andExpect(redirectedUrl("/bundles/" + bundle));
		}
		assertThat(jdbc.sql("select count(*) from orders where bundle_id = ?").param(bundle.value())
			.query(Long.class).single()).isZero();
	}

	@Test
	void zeroWithAZeroMinimumUnlocksForFreeWithoutThePaymentGatewayOrTheLedger() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		BundleId bundle = pwyw(creator, "0", "4.00");
		AccountPrincipal viewer = fixtures.viewer();

		mvc.perform(post("/checkout/{id}", bundle).with(user(viewer)).with(csrf()).param("amount", "0"))
			.andExpect(redirectedUrl("/library"))
			.andExpect(flash().attribute("success", "checkout.acquired"));

		assertThat(library.owns(viewer.accountId(), bundle)).isTrue();
		assertThat(jdbc.sql("select amount_minor || ' ' || currency || ' ' || gateway || ' ' || status "
				+ "from orders where bundle_id = ?").param(bundle.value()).query(String.class).list())
			.containsExactly("0 USD free PAID");
		assertThat(jdbc.sql("select count(*) from ledger_entries where bundle_id = ?").param(bundle.value())
			.query(Long.class).single()).isZero();
		// Below the currency's smallest payment but above zero: refused, since no gateway takes a few cents.
		AccountPrincipal other = fixtures.viewer();
		mvc.perform(post("/checkout/{id}", bundle).with(user(other)).with(csrf()).param("amount", "0.30"))
			.andExpect(flash().attribute("error", "checkout.amount.outOfRangeOrZero"));
	}

	@Test
	void theCreatorCannotSuggestLessThanTheMinimumOrSetAMinimumOutsideTheCurrencyRange() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		BundleId bundle = fixtures.draft(creator, Fixtures.unique("Bad gate"), "film".getBytes());

		mvc.perform(post("/studio/bundles/{id}/gate", bundle).with(user(creator)).with(csrf())
			.param("gate", "PWYW").param("amount", "5.00").param("suggested", "4.00").param("currency", "USD"))
			.andExpect(flash().attribute("error", "gate.pwyw.suggestedBelowMinimum"));
		mvc.perform(post("/studio/bundles/{id}/gate", bundle).with(user(creator)).with(csrf())
			.param("gate", "PWYW").param("amount", "0.50").param("suggested", "4.00").param("currency", "USD"))
			.andExpect(flash().attribute("error", "gate.pwyw.minimumOutOfRange"));
		mvc.perform(post("/studio/bundles/{id}/gate", bundle).with(user(creator)).with(csrf())
			.param("gate", "PWYW").param("amount", "0").param("suggested", "0").param("currency", "USD"))
			.andExpect(flash().attribute("error", "gate.price.outOfRange"));
		assertThat(jdbc.sql("select gate from bundles where id = ?").param(bundle.value()).query(String.class)
			.single()).isEqualTo("FREE");
	}

	@Test
	void aDiscountCodeLowersTheMinimumAndIsRecordedWithTheAmountChosen() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		BundleId bundle = pwyw(creator, "4.00", "8.00");
		String code = Fixtures.unique("HALF").toUpperCase();
		fixtures.as(creator, () -> discounts.create(creator.accountId(),
				new NewDiscountCode(code, bundle, new Discount.Percent(50), null, 1)));
		mvc.perform(get("/bundles/{id}", bundle).param("code", code).with(user(fixtures.viewer())))
			.andExpect(content().string(containsString("Code " + code + " applied: the minimum is $2.00 instead of $4.00.")));

		AccountPrincipal viewer = fixtures.viewer();
		mvc.perform(post("/checkout/{id}", bundle).with(user(viewer)).with(csrf()).param("amount", "1.50")
			.param("code", code))
			.andExpect(flash().attribute("error", "checkout.amount.belowMinimum"));
		mvc.perform(post("/checkout/{id}", bundle).with(user(viewer)).with(csrf()).param("amount", "3")
			.param("code", "NO-SUCH-CODE"))
			.andExpect(flash().attribute("error", "checkout.code.unknown"));
		mvc.perform(post("/checkout/{id}", bundle).with(user(viewer)).with(csrf()).param("amount", "3")
			.param("code", code))
			.andExpect(redirectedUrlPattern("/checkout/simulated/*"));
		assertThat(jdbc.sql("""
				select amount_minor || ' ' || list_price_minor || ' ' || discount_code from orders
				where buyer_id = ? and bundle_id = ?""").params(viewer.accountId().value(), bundle.value())
			.query(String.class).single()).isEqualTo("300 300 " + code);

		// The code's one use is taken by that open checkout: another buyer cannot use it.
		mvc.perform(post("/checkout/{id}", bundle).with(user(fixtures.viewer())).with(csrf()).param("amount", "3")
			.param("code", code))
			.andExpect(flash().attribute("error", "checkout.code.usedUp"));
	}

	private BundleId pwyw(AccountPrincipal creator, String minimum, String suggested) {
		BundleId bundle = fixtures.draft(creator, Fixtures.unique("Pay what you want"), "film".getBytes());
		fixtures.as(creator, () -> {
			catalogService.payWhatYouWant(creator.accountId(), bundle, minimum, suggested, "USD");
			return null;
		});
		fixtures.publish(creator, bundle);
		return bundle;
	}
}
