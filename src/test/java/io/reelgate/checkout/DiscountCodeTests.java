package io.reelgate.checkout;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.checkout.CheckoutService.Outcome;
import io.reelgate.checkout.CheckoutService.PayAt;
import io.reelgate.checkout.CheckoutService.Terms;
import io.reelgate.checkout.DiscountService.NewDiscountCode;
import io.reelgate.library.Library;
import io.reelgate.shared.BundleId;
import io.reelgate.shared.Money;
import io.reelgate.shared.OrderId;
import io.reelgate.support.Fixtures;
import io.reelgate.support.IntegrationTest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
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
class DiscountCodeTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	DiscountService discounts;

	@Autowired
	CheckoutService checkout;

	@Autowired
	OrderPayments payments;

	@Autowired
	Library library;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aSharedLinkPreAppliesTheCodeAndTheOrderRecordsListPriceCodeAndAmountCharged() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		BundleId bundle = fixtures.published(creator, Fixtures.unique("Discounted"), "film".getBytes(), "10.00", "USD");
		mvc.perform(post("/studio/discounts").with(user(creator)).with(csrf()).param("code", "spring20")
			.param("bundle", bundle.toString()).param("kind", "PERCENT").param("value", "20").param("currency", "USD"))
			.andExpect(redirectedUrl("/studio/discounts"))
			.andExpect(flash().attribute("success", "discount.created"));
		mvc.perform(get("/studio/discounts").with(user(creator)))
			.andExpect(content().string(containsString("SPRING20")))
			.andExpect(content().string(containsString("/bundles/" + bundle + "?code=SPRING20")));

		AccountPrincipal viewer = fixtures.viewer();
		mvc.perform(get("/bundles/{id}", bundle).param("code", "spring20").with(user(viewer)))
			.andExpect(content().string(containsString("Code SPRING20 applied: $8.00 instead of $10.00.")))
			.andExpect(content().string(containsString("Buy for $8.00")));
		String payPage = mvc.perform(post("/checkout/{id}", bundle).with(user(viewer)).with(csrf())
			.param("code", "Spring20 "))
			.andExpect(redirectedUrlPattern("/checkout/simulated/*"))
			.andReturn().getResponse().getRedirectedUrl();
		mvc.perform(get(payPage).with(user(viewer))).andExpect(content().string(containsString("$8.00")));
		mvc.perform(post(payPage + "/pay").with(user(viewer)).with(csrf())).andExpect(redirectedUrl("/library"));
		// A second confirmation of the same payment (a retried webhook, a double click) counts nothing more.
		payments.confirmPayment(new OrderId(UUID.fromString(payPage.substring(payPage.lastIndexOf('/') + 1))),
				"simulated:" + payPage.substring(payPage.lastIndexOf('/') + 1));

		assertThat(jdbc.sql("select list_price_minor || ' ' || discount_code || ' ' || amount_minor || ' ' || fee_minor "
				+ "from orders where bundle_id = ?").param(bundle.value()).query(String.class).list())
			.containsExactly("1000 SPRING20 800 80");
		assertThat(jdbc.sql("select gross_minor from ledger_entries where bundle_id = ?").param(bundle.value())
			.query(Long.class).list()).containsExactly(800L);
		assertThat(fixtures.as(creator, () -> discounts.codesOf(creator.accountId())))
			.singleElement().satisfies(c -> assertThat(c.used()).isEqualTo(1));
		mvc.perform(get("/studio/sales").with(user(creator)))
			.andExpect(content().string(containsString("list $10.00, code SPRING20")));
	}

	@Test
	void aFixedAmountCodeForAllOfACreatorsBundlesAndAFullDiscountThatSkipsTheGateway() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		BundleId first = fixtures.published(creator, Fixtures.unique("First"), "film".getBytes(), "10.00", "USD");
		BundleId second = fixtures.published(creator, Fixtures.unique("Second"), "film".getBytes(), "4.00", "USD");
		create(creator, "FIVEOFF", null, new Discount.Amount(Money.of(500, "USD")), null, null);
		create(creator, "PRESS", second, new Discount.Percent(100), null, null);
		AccountPrincipal viewer = fixtures.viewer();

		assertThat(quote(viewer, first, "fiveoff")).isEqualTo(500);
		// $4.00 less $5.00: never below zero, so the bundle is the buyer's without a payment.
		mvc.perform(post("/checkout/{id}", second).with(user(viewer)).with(csrf()).param("code", "FIVEOFF"))
			.andExpect(redirectedUrl("/library"));
		assertThat(library.owns(viewer.accountId(), second)).isTrue();
		AccountPrincipal press = fixtures.viewer();
		mvc.perform(post("/checkout/{id}", second).with(user(press)).with(csrf()).param("code", "press"))
			.andExpect(redirectedUrl("/library"));
		assertThat(library.owns(press.accountId(), second)).isTrue();
		assertThat(jdbc.sql("select amount_minor || ' ' || gateway || ' ' || status || ' ' || discount_code from orders "
				+ "where buyer_id = ?").param(press.accountId().value()).query(String.class).list())
			.containsExactly("0 free PAID PRESS");
		assertThatThrownBy(() -> quote(fixtures.viewer(), first, "PRESS")).hasMessage("checkout.code.unknown");
	}

	@Test
	void expiredDisabledUnknownAndOtherCreatorsCodesAreRefused() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		BundleId bundle = fixtures.published(creator, Fixtures.unique("Strict"), "film".getBytes(), "10.00", "USD");
		UUID expiring = create(creator, "SOON", bundle, new Discount.Percent(10),
				Instant.now().plus(1, ChronoUnit.DAYS), null);
		UUID disabled = create(creator, "OFF", bundle, new Discount.Percent(10), null, null);
		AccountPrincipal other = fixtures.creator();
		create(other, "THEIRS", null, new Discount.Percent(50), null, null);
		AccountPrincipal viewer = fixtures.viewer();

		assertThat(quote(viewer, bundle, "SOON")).isEqualTo(900);
		jdbc.sql("update discount_codes set expires_at = now() - interval '1 second' where id = ?").param(expiring)
			.update();
		assertThatThrownBy(() -> quote(viewer, bundle, "SOON")).hasMessage("checkout.code.expired");
		mvc.perform(post("/studio/discounts/{id}/disable", disabled).with(user(other)).with(csrf()))
			.andExpect(status().isNotFound());
		mvc.perform(post("/studio/discounts/{id}/disable", disabled).with(user(creator)).with(csrf()))
			.andExpect(flash().attribute("success", "discount.disabled"));
		assertThatThrownBy(() -> quote(viewer, bundle, "OFF")).hasMessage("checkout.code.unknown");
		assertThatThrownBy(() -> quote(viewer, bundle, "THEIRS")).hasMessage("checkout.code.unknown");
		mvc.perform(post("/checkout/{id}", bundle).with(user(viewer)).with(csrf()).param("code", "NOPE"))
			.andExpect(redirectedUrl("/bundles/" + bundle + "?code=NOPE"))
			.andExpect(flash().attribute("error", "checkout.code.unknown"));
		mvc.perform(get("/bundles/{id}", bundle).param("code", "SOON").with(user(viewer)))
			.andExpect(content().string(containsString("That discount code has expired.")))
			.andExpect(content().string(not(containsString("applied"))));
		assertThat(jdbc.sql("select discount_code from orders where bundle_id = ?").param(bundle.value())
			.query(String.class).list()).containsExactly("SOON");
	}

	@Test
	void theCreatorsFormRefusesBadCodes() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		BundleId bundle = fixtures.draft(creator, Fixtures.unique("Form"), "film".getBytes(), "10.00", "USD");
		create(creator, "TAKEN", null, new Discount.Percent(10), null, null);
		String[][] cases = { { "TAKEN", "PERCENT", "10", "You already have a code TAKEN." },
				{ "no spaces", "PERCENT", "10", "A code has 3 to 40 letters" },
				{ "BIG", "PERCENT", "101", "Enter a whole percentage from 1 to 100." },
				{ "CHEAP", "AMOUNT", "abc", "Enter the amount as a number" } };
		for (String[] c : cases) {
			mvc.perform(post("/studio/discounts").with(user(creator)).with(csrf()).param("code", c[0])
				.param("bundle", bundle.toString()).param("kind", c[1]).param("value", c[2]).param("currency", "USD"))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString(c[3])));
		}
		mvc.perform(post("/studio/discounts").with(user(fixtures.creator())).with(csrf()).param("code", "MINE")
			.param("bundle", bundle.toString()).param("kind", "PERCENT").param("value", "10"))
			.andExpect(status().isNotFound());
		mvc.perform(post("/studio/discounts").with(user(creator)).with(csrf()).param("code", "PAST")
			.param("kind", "PERCENT").param("value", "10").param("validUntil", "2020-01-01"))
			.andExpect(content().string(containsString("The expiry date must be in the future.")));
	}

	@Test
	void concurrentCheckoutsNeverReserveMoreUsesThanTheLimitAndAnAbandonedCheckoutGivesItsUseBack() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		BundleId bundle = fixtures.published(creator, Fixtures.unique("Limited"), "film".getBytes(), "10.00", "USD");
		create(creator, "FIRST2", bundle, new Discount.Percent(50), null, 2);
		List<AccountPrincipal> buyers = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			buyers.add(fixtures.viewer());
		}

		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(buyers.size());
		List<Future<String>> results = new ArrayList<>();
		try {
			for (AccountPrincipal buyer : buyers) {
				Callable<String> attempt = () -> {
					start.await();
					try {
						return fixtures.as(buyer, () -> checkout.checkout(buyer.accountId(), bundle,
								new Terms(null, "FIRST2"))) instanceof PayAt ? "reserved" : "other";
					}
					catch (CheckoutRefusedException ex) {
						return ex.code();
					}
				};
				results.add(pool.submit(attempt));
			}
			start.countDown();
			List<String> outcomes = new ArrayList<>();
			for (Future<String> result : results) {
				outcomes.add(result.get());
			}
			assertThat(outcomes).filteredOn("reserved"::equals).hasSize(2);
			assertThat(outcomes).filteredOn("checkout.code.usedUp"::equals).hasSize(6);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(jdbc.sql("select count(*) from orders where bundle_id = ? and discount_code = 'FIRST2'")
			.param(bundle.value()).query(Long.class).single()).isEqualTo(2);

		// One holder cancels: the use goes back, and the next buyer gets it; the other holder can still pay.
		UUID cancelled = jdbc.sql("select id from orders where bundle_id = ? and status = 'PENDING' limit 1")
			.param(bundle.value()).query(UUID.class).single();
		AccountPrincipal holder = buyers.stream()
			.filter(b -> b.accountId().value().equals(jdbc.sql("select buyer_id from orders where id = ?")
				.param(cancelled).query(UUID.class).single()))
			.findFirst().orElseThrow();
		fixtures.as(holder, () -> {
			checkout.cancel(holder.accountId(), new OrderId(cancelled));
			return null;
		});
		AccountPrincipal late = fixtures.viewer();
		assertThat(quote(late, bundle, "FIRST2")).isEqualTo(500);
		assertThatThrownBy(() -> quote(fixtures.viewer(), bundle, "FIRST2")).hasMessage("checkout.code.usedUp");

		// A checkout left open past its lifetime no longer holds its use.
		jdbc.sql("update orders set created_at = created_at - interval '3 hours' where bundle_id = ? and status = 'PENDING'")
			.param(bundle.value()).update();
		assertThat(quote(fixtures.viewer(), bundle, "FIRST2")).isEqualTo(500);
	}

	/** Opens a checkout with the code and returns the amount its order charges. */
	private long quote(AccountPrincipal buyer, BundleId bundle, String code) {
		Outcome outcome = fixtures.as(buyer, () -> checkout.checkout(buyer.accountId(), bundle, new Terms(null, code)));
		assertThat(outcome).isInstanceOf(PayAt.class);
		return jdbc.sql("select amount_minor from orders where buyer_id = ? and bundle_id = ? and status = 'PENDING'")
			.params(buyer.accountId().value(), bundle.value()).query(Long.class).single();
	}

	private UUID create(AccountPrincipal creator, String code, @Nullable BundleId bundle, Discount discount,
			@Nullable Instant expiresAt, @Nullable Integer limit) {
		return fixtures.as(creator, () -> discounts.create(creator.accountId(),
				new NewDiscountCode(code, bundle, discount, expiresAt, limit)));
	}
}
