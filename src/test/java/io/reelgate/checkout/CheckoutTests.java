package io.reelgate.checkout;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.catalog.CatalogService;
import io.reelgate.library.Library;
import io.reelgate.shared.BundleId;
import io.reelgate.shared.OrderId;
import io.reelgate.support.Fixtures;
import io.reelgate.support.IntegrationTest;
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

@IntegrationTest
class CheckoutTests {

	private static final byte[] FILM = "film".getBytes();

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Library library;

	@Autowired
	OrderPayments payments;

	@Autowired
	CatalogService catalogService;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aViewerBuysThroughTheSimulatedCheckoutAndOwnsTheBundle() throws Exception {
		AccountPrincipal viewer = fixtures.viewer();
		BundleId bundle = fixtures.published(fixtures.creator(), Fixtures.unique("For sale"), FILM, "19.99", "USD");

		String payPage = startCheckout(viewer, bundle);
		mvc.perform(get(payPage).with(user(viewer)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Test mode \u2014 no real payment")))
			.andExpect(content().string(containsString("$19.99")));
		assertThat(library.owns(viewer.accountId(), bundle)).isFalse();

		mvc.perform(post(payPage + "/pay").with(user(viewer)).with(csrf()))
			.andExpect(redirectedUrl("/library"))
			.andExpect(flash().attribute("success", "checkout.paid"));

		assertThat(library.owns(viewer.accountId(), bundle)).isTrue();
		assertThat(paidOrders(viewer, bundle)).containsExactly(1999L);
	}

	@Test
	void aSaleIsBookedInTheLedgerWithThePlatformFeeAndTheLedgerCannotBeRewritten() throws Exception {
		AccountPrincipal viewer = fixtures.viewer();
		BundleId bundle = fixtures.published(fixtures.creator(), Fixtures.unique("Booked"), FILM, "19.99", "USD");
		mvc.perform(post(startCheckout(viewer, bundle) + "/pay").with(user(viewer)).with(csrf()));

		assertThat(jdbc.sql("""
				select kind || ' ' || gross_minor || ' ' || fee_minor || ' ' || net_minor || ' ' || currency
				from ledger_entries where bundle_id = ?""").param(bundle.value()).query(String.class).list())
			.containsExactly("SALE 1999 200 1799 USD");
		assertThatThrownBy(() -> jdbc.sql("update ledger_entries set gross_minor = 0 where bundle_id = ?")
			.param(bundle.value()).update()).hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.sql("delete from ledger_entries where bundle_id = ?")
			.param(bundle.value()).update()).hasMessageContaining("append-only");
	}

	@Test
	void theAmountComesFromTheServerWhateverTheBrowserSends() throws Exception {
		AccountPrincipal viewer = fixtures.viewer();
		BundleId bundle = fixtures.published(fixtures.creator(), Fixtures.unique("Tamper"), FILM, "25.00", "USD");

		// A currency the bundle has no price in is refused rather than priced by the browser (issue 16).
		mvc.perform(post("/checkout/{id}", bundle).with(user(viewer)).with(csrf())
			.param("amount", "1").param("price", "0.01").param("currency", "JPY"))
			.andExpect(flash().attribute("error", "checkout.currency.unavailable"));
		String payPage = mvc.perform(post("/checkout/{id}", bundle).with(user(viewer)).with(csrf())
			.param("amount", "1").param("price", "0.01").param("currency", "USD"))
			.andReturn().getResponse().getRedirectedUrl();
		mvc.perform(post(payPage + "/pay").with(user(viewer)).with(csrf()).param("amount", "1"));

		assertThat(paidOrders(viewer, bundle)).containsExactly(2500L);
		assertThat(jdbc.sql("select currency from orders where buyer_id = ?").param(viewer.accountId().value())
			.query(String.class).single()).isEqualTo("USD");
	}

	@Test
	void aPriceChangeAfterBuyDoesNotChangeWhatThatOrderCharges() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		AccountPrincipal viewer = fixtures.viewer();
		BundleId bundle = fixtures.published(creator, Fixtures.unique("Repriced"), FILM, "10.00", "USD");

		String payPage = startCheckout(viewer, bundle);
		fixtures.as(creator, () -> {
			catalogService.charge(creator.accountId(), bundle, "99.00", "USD");
			return null;
		});
		mvc.perform(post(payPage + "/pay").with(user(viewer)).with(csrf()));

		assertThat(paidOrders(viewer, bundle)).containsExactly(1000L);
	}

	@Test
	void clickingBuyTwiceReusesTheOpenOrder() throws Exception {
		AccountPrincipal viewer = fixtures.viewer();
		BundleId bundle = fixtures.published(fixtures.creator(), Fixtures.unique("Twice"), FILM, "5.00", "USD");

		assertThat(startCheckout(viewer, bundle)).isEqualTo(startCheckout(viewer, bundle));
		assertThat(countOrders(viewer)).isEqualTo(1);
	}

	@Test
	void payingTwiceChargesAndGrantsOnce() throws Exception {
		AccountPrincipal viewer = fixtures.viewer();
		BundleId bundle = fixtures.published(fixtures.creator(), Fixtures.unique("Double pay"), FILM, "5.00", "USD");

		String payPage = startCheckout(viewer, bundle);
		mvc.perform(post(payPage + "/pay").with(user(viewer)).with(csrf())).andExpect(redirectedUrl("/library"));
		mvc.perform(post(payPage + "/pay").with(user(viewer)).with(csrf())).andExpect(redirectedUrl("/library"));

		assertThat(paidOrders(viewer, bundle)).hasSize(1);
		assertThat(entitlements(viewer)).isEqualTo(1);
	}

	@Test
	void concurrentConfirmationsOfOneOrderGrantExactlyOnce() throws Exception {
		AccountPrincipal viewer = fixtures.viewer();
		BundleId bundle = fixtures.published(fixtures.creator(), Fixtures.unique("Race"), FILM, "5.00", "USD");
		OrderId order = OrderId.of(startCheckout(viewer, bundle).substring("/checkout/simulated/".length()));

		List<Callable<Boolean>> confirmations = new ArrayList<>();
		for (int i = 0; i < 16; i++) {
			confirmations.add(() -> payments.confirmPayment(order, "simulated:" + order));
		}
		ExecutorService pool = Executors.newFixedThreadPool(8);
		List<Boolean> results = new ArrayList<>();
		try {
			for (Future<Boolean> result : pool.invokeAll(confirmations)) {
				results.add(result.get());
			}
		}
		finally {
			pool.shutdown();
		}

		assertThat(results).containsOnlyOnce(true);
		assertThat(paidOrders(viewer, bundle)).hasSize(1);
		assertThat(entitlements(viewer)).isEqualTo(1);
	}

	@Test
	void buyingWhatYouOwnChargesNothing() throws Exception {
		AccountPrincipal viewer = fixtures.viewer();
		BundleId bundle = fixtures.published(fixtures.creator(), Fixtures.unique("Owned"), FILM, "5.00", "USD");
		mvc.perform(post(startCheckout(viewer, bundle) + "/pay").with(user(viewer)).with(csrf()));

		mvc.perform(post("/checkout/{id}", bundle).with(user(viewer)).with(csrf()))
			.andExpect(redirectedUrl("/library"))
			.andExpect(flash().attribute("success", "checkout.alreadyOwned"));
		assertThat(countOrders(viewer)).isEqualTo(1);
	}

	@Test
	void aFreeBundleGoesStraightToTheLibrary() throws Exception {
		AccountPrincipal viewer = fixtures.viewer();
		BundleId bundle = fixtures.published(fixtures.creator(), Fixtures.unique("Free"), FILM);

		mvc.perform(post("/checkout/{id}", bundle).with(user(viewer)).with(csrf()))
			.andExpect(redirectedUrl("/library"))
			.andExpect(flash().attribute("success", "checkout.acquired"));
		assertThat(library.owns(viewer.accountId(), bundle)).isTrue();
	}

	@Test
	void draftsHiddenAndUnknownBundlesCannotBeBought() throws Exception {
		AccountPrincipal viewer = fixtures.viewer();
		BundleId draft = fixtures.draft(fixtures.creator(), "Draft", FILM, "5.00", "USD");

		mvc.perform(post("/checkout/{id}", draft).with(user(viewer)).with(csrf())).andExpect(status().isNotFound());
		mvc.perform(post("/checkout/{id}", BundleId.random()).with(user(viewer)).with(csrf()))
			.andExpect(status().isNotFound());
		assertThat(countOrders(viewer)).isZero();
	}

	@Test
	void creatorsCannotBuyTheirOwnBundle() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		BundleId bundle = fixtures.published(creator, Fixtures.unique("Self"), FILM, "5.00", "USD");

		mvc.perform(post("/checkout/{id}", bundle).with(user(creator)).with(csrf()))
			.andExpect(redirectedUrl("/bundles/" + bundle))
			.andExpect(flash().attribute("error", "checkout.ownBundle"));
	}

	@Test
	void nobodyCanSeePayOrCancelAnotherBuyersOrder() throws Exception {
		AccountPrincipal buyer = fixtures.viewer();
		AccountPrincipal other = fixtures.viewer();
		BundleId bundle = fixtures.published(fixtures.creator(), Fixtures.unique("Private order"), FILM, "5.00", "USD");
		String payPage = startCheckout(buyer, bundle);

		mvc.perform(get(payPage).with(user(other))).andExpect(status().isNotFound());
		mvc.perform(post(payPage + "/pay").with(user(other)).with(csrf())).andExpect(status().isNotFound());
		mvc.perform(post(payPage + "/cancel").with(user(other)).with(csrf())).andExpect(status().isNotFound());
		mvc.perform(post(payPage + "/pay").with(csrf())).andExpect(redirectedUrl("/login"));

		assertThat(library.owns(other.accountId(), bundle)).isFalse();
		assertThat(library.owns(buyer.accountId(), bundle)).isFalse();
		assertThat(jdbc.sql("select status from orders where buyer_id = ?").param(buyer.accountId().value())
			.query(String.class).single()).isEqualTo("PENDING");
	}

	@Test
	void aCancelledOrderCannotBePaidLater() throws Exception {
		AccountPrincipal viewer = fixtures.viewer();
		BundleId bundle = fixtures.published(fixtures.creator(), Fixtures.unique("Cancelled"), FILM, "5.00", "USD");
		String payPage = startCheckout(viewer, bundle);

		mvc.perform(post(payPage + "/cancel").with(user(viewer)).with(csrf()))
			.andExpect(redirectedUrl("/bundles/" + bundle));
		mvc.perform(post(payPage + "/pay").with(user(viewer)).with(csrf()))
			.andExpect(flash().attribute("error", "checkout.closed"));
		assertThat(library.owns(viewer.accountId(), bundle)).isFalse();
	}

	@Test
	void checkoutNeedsALoginAndACsrfToken() throws Exception {
		BundleId bundle = fixtures.published(fixtures.creator(), Fixtures.unique("Guarded"), FILM, "5.00", "USD");
		mvc.perform(post("/checkout/{id}", bundle).with(csrf())).andExpect(redirectedUrl("/login"));
		mvc.perform(post("/checkout/{id}", bundle).with(user(fixtures.viewer()))).andExpect(status().isForbidden());
	}

	private String startCheckout(AccountPrincipal viewer, BundleId bundle) throws Exception {
		return mvc.perform(post("/checkout/{id}", bundle).with(user(viewer)).with(csrf()))
			.andExpect(redirectedUrlPattern("/checkout/simulated/*"))
			.andReturn().getResponse().getRedirectedUrl();
	}

	private List<Long> paidOrders(AccountPrincipal viewer, BundleId bundle) {
		return jdbc.sql("select amount_minor from orders where buyer_id = ? and bundle_id = ? and status = 'PAID'")
			.params(viewer.accountId().value(), bundle.value()).query(Long.class).list();
	}

	private long countOrders(AccountPrincipal viewer) {
		return jdbc.sql("select count(*) from orders where buyer_id = ?").param(viewer.accountId().value())
			.query(Long.class).single();
	}

	private long entitlements(AccountPrincipal viewer) {
		return jdbc.sql("select count(*) from entitlements where account_id = ?").param(viewer.accountId().value())
			.query(Long.class).single();
	}
}
