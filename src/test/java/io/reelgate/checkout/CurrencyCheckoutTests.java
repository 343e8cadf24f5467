package io.reelgate.checkout;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.checkout.DiscountService.NewDiscountCode;
import io.reelgate.library.Library;
import io.reelgate.shared.BundleId;
import io.reelgate.shared.Money;
import io.reelgate.support.Fixtures;
import io.reelgate.support.IntegrationTest;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;

/** A bundle priced in US dollars and in euros, bought in either; the server's price in the currency shown. */
@IntegrationTest
class CurrencyCheckoutTests {

	private static final String EUR_INPUT = "name=\"currency\" value=\"EUR\"";

	private static final String USD_INPUT = "name=\"currency\" value=\"USD\"";

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	DiscountService discounts;

	@Autowired
	Library library;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aViewerInGermanyBuysInEurosAtTheEuroPrice() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		BundleId bundle = usdAndEur(creator);
		AccountPrincipal viewer = fixtures.viewer();

		mvc.perform(get("/bundles/{id}", bundle).with(user(viewer)).header(HttpHeaders.ACCEPT_LANGUAGE, "de-DE,de"))
			.andExpect(content().string(allOf(containsString(EUR_INPUT), containsString("9,00"),
					containsString("<option value=\"USD\""), not(containsString(USD_INPUT)))))
			.andExpect(header().stringValues(HttpHeaders.VARY, org.hamcrest.Matchers.hasItem("Cookie, Accept-Language")));
		String payPage = mvc.perform(post("/checkout/{id}", bundle).with(user(viewer)).with(csrf())
			.param("currency", "EUR"))
			.andExpect(redirectedUrlPattern("/checkout/simulated/*"))
			.andReturn().getResponse().getRedirectedUrl();
		mvc.perform(post(payPage + "/pay").with(user(viewer)).with(csrf())).andExpect(redirectedUrl("/library"));

		assertThat(library.owns(viewer.accountId(), bundle)).isTrue();
		assertThat(jdbc.sql("select list_price_minor || ' ' || amount_minor || ' ' || currency from orders "
				+ "where bundle_id = ?").param(bundle.value()).query(String.class).list())
			.containsExactly("900 900 EUR");
		assertThat(jdbc.sql("select gross_minor || ' ' || currency from ledger_entries where bundle_id = ?")
			.param(bundle.value()).query(String.class).list()).containsExactly("900 EUR");
	}

	@Test
	void theChoiceInTheUrlIsRememberedAndACurrencyWithoutAPriceFallsBackToTheMainOne() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		BundleId bundle = usdAndEur(creator);
		AccountPrincipal viewer = fixtures.viewer();
		mvc.perform(get("/bundles/{id}", bundle).with(user(viewer)).param("currency", "EUR")
			.header(HttpHeaders.ACCEPT_LANGUAGE, "en-US"))
			.andExpect(cookie().value("reelgate_currency", "EUR"))
			.andExpect(content().string(containsString("€9.00")));
		mvc.perform(get("/bundles/{id}", bundle).with(user(viewer)).cookie(new Cookie("reelgate_currency", "EUR"))
			.header(HttpHeaders.ACCEPT_LANGUAGE, "en-US"))
			.andExpect(content().string(containsString("€9.00")));
		// No pound price: the page shows the main price, and a viewer in Britain sees dollars.
		mvc.perform(get("/bundles/{id}", bundle).with(user(viewer)).param("currency", "GBP"))
			.andExpect(content().string(allOf(containsString("$10.00"), not(containsString("£")))));
		mvc.perform(get("/bundles/{id}", bundle).with(user(viewer)).header(HttpHeaders.ACCEPT_LANGUAGE, "en-GB"))
			.andExpect(content().string(containsString("US$10.00")));
		// A single-currency bundle ignores the choice and says nothing about varying.
		BundleId plain = fixtures.published(creator, Fixtures.unique("Dollars only"), "film".getBytes(), "5.00", "USD");
		mvc.perform(get("/bundles/{id}", plain).with(user(viewer)).param("currency", "EUR"))
			.andExpect(content().string(allOf(containsString("$5.00"), not(containsString("name=\"currency\" value=\"EUR\"")),
					not(containsString("currency-form")))));
	}

	@Test
	void aTamperedCurrencyIsRefusedAndNoOrderOpens() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		BundleId bundle = usdAndEur(creator);
		AccountPrincipal viewer = fixtures.viewer();
		for (String currency : new String[] { "GBP", "XYZ", "eur'--", "usd" }) {
			var post = post("/checkout/{id}", bundle).with(user(viewer)).with(csrf()).param("currency", currency);
			if (currency.equals("usd")) {
				// Lower case is still the dollar: the main price, whatever amount the form sends along.
				mvc.perform(post.param("amount", "0.01")).andExpect(redirectedUrlPattern("/checkout/simulated/*"));
				continue;
			}
			mvc.perform(post).andExpect(flash().attribute("error", "checkout.currency.unavailable"));
		}
		assertThat(jdbc.sql("select amount_minor || ' ' || currency from orders where bundle_id = ?")
			.param(bundle.value()).query(String.class).list()).containsExactly("1000 USD");
	}

	@Test
	void aFixedAmountCodeAppliesOnlyInItsCurrencyAndAPercentageInAll() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		BundleId bundle = usdAndEur(creator);
		fixtures.as(creator, () -> discounts.create(creator.accountId(),
				new NewDiscountCode("DOLLARS2", bundle, new Discount.Amount(Money.of(200, "USD")), null, null)));
		fixtures.as(creator, () -> discounts.create(creator.accountId(),
				new NewDiscountCode("QUARTER", bundle, new Discount.Percent(25), null, null)));
		AccountPrincipal viewer = fixtures.viewer();

		mvc.perform(get("/bundles/{id}", bundle).param("currency", "EUR").param("code", "DOLLARS2").with(user(viewer)))
			.andExpect(content().string(containsString("That discount code is for another currency.")));
		mvc.perform(post("/checkout/{id}", bundle).with(user(viewer)).with(csrf()).param("currency", "EUR")
			.param("code", "DOLLARS2"))
			.andExpect(flash().attribute("error", "checkout.code.currency"))
			.andExpect(redirectedUrl("/bundles/" + bundle + "?code=DOLLARS2&currency=EUR"));
		mvc.perform(post("/checkout/{id}", bundle).with(user(viewer)).with(csrf()).param("currency", "USD")
			.param("code", "DOLLARS2")).andExpect(redirectedUrlPattern("/checkout/simulated/*"));
		mvc.perform(get("/bundles/{id}", bundle).param("currency", "EUR").param("code", "QUARTER").with(user(viewer)))
			.andExpect(content().string(containsString("Buy for €6.75")));
		mvc.perform(post("/checkout/{id}", bundle).with(user(viewer)).with(csrf()).param("currency", "EUR")
			.param("code", "quarter")).andExpect(redirectedUrlPattern("/checkout/simulated/*"));

		// The euro checkout replaced the dollar one: one open order, at the server's euro price less 25 %.
		assertThat(jdbc.sql("select list_price_minor || ' ' || amount_minor || ' ' || currency || ' ' || status "
				+ "|| ' ' || discount_code from orders where bundle_id = ? order by created_at")
			.param(bundle.value()).query(String.class).list())
			.containsExactly("1000 800 USD EXPIRED DOLLARS2", "900 675 EUR PENDING QUARTER");
	}

	@Test
	void theCreatorSetsAndRemovesPricesInOtherCurrenciesAsTheirLocaleWritesThem() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		BundleId bundle = fixtures.published(creator, Fixtures.unique("Editor"), "film".getBytes(), "10.00", "USD");
		mvc.perform(post("/studio/bundles/{id}/prices/EUR", bundle).with(user(creator)).with(csrf())
			.header(HttpHeaders.ACCEPT_LANGUAGE, "de-DE").param("amount", "4,99"))
			.andExpect(flash().attribute("success", "prices.saved"));
		mvc.perform(get("/studio/bundles/{id}", bundle).with(user(creator)).header(HttpHeaders.ACCEPT_LANGUAGE, "de-DE"))
			.andExpect(content().string(allOf(containsString("value=\"4,99\""), containsString("value=\"10,00\""))));
		mvc.perform(post("/studio/bundles/{id}/prices/EUR", bundle).with(user(creator)).with(csrf())
			.param("amount", "0.10")).andExpect(flash().attribute("error", "gate.price.outOfRange"));
		mvc.perform(post("/studio/bundles/{id}/prices/JPY", bundle).with(user(creator)).with(csrf())
			.param("amount", "500")).andExpect(flash().attribute("error", "gate.currency.unknown"));
		mvc.perform(post("/studio/bundles/{id}/prices/USD", bundle).with(user(creator)).with(csrf())
			.param("amount", "5")).andExpect(flash().attribute("error", "prices.mainCurrency"));
		// Another creator cannot price someone else's bundle: the same 404 as a bundle that does not exist.
		mvc.perform(post("/studio/bundles/{id}/prices/GBP", bundle).with(user(fixtures.creator())).with(csrf())
			.param("amount", "5")).andExpect(result -> assertThat(result.getResponse().getStatus()).isEqualTo(404));
		mvc.perform(get("/bundles/{id}", bundle).param("currency", "GBP"))
			.andExpect(content().string(not(containsString("<option value=\"GBP\""))));
		mvc.perform(post("/studio/bundles/{id}/prices/EUR/delete", bundle).with(user(creator)).with(csrf()))
			.andExpect(flash().attribute("success", "prices.removed"));
		mvc.perform(get("/bundles/{id}", bundle).with(user(fixtures.viewer())).param("currency", "EUR"))
			.andExpect(content().string(allOf(containsString("$10.00"), not(containsString("currency-form")))));
	}

	private BundleId usdAndEur(AccountPrincipal creator) throws Exception {
		BundleId bundle = fixtures.published(creator, Fixtures.unique("Two currencies"), "film".getBytes(), "10.00",
				"USD");
		mvc.perform(post("/studio/bundles/{id}/prices/EUR", bundle).with(user(creator)).with(csrf())
			.param("amount", "9.00")).andExpect(flash().attribute("success", "prices.saved"));
		return bundle;
	}
}
