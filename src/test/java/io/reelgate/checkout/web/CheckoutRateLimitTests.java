package io.reelgate.checkout.web;

import java.time.Duration;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.ratelimit.Limit;
import io.reelgate.ratelimit.RateLimitExceededException;
import io.reelgate.ratelimit.RateLimiter;
import io.reelgate.shared.AccountId;
import io.reelgate.shared.BundleId;
import io.reelgate.support.Fixtures;
import io.reelgate.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class CheckoutRateLimitTests {

	private static final byte[] FILM = "film".getBytes();

	private static final Duration TEN_MINUTES = Duration.ofMinutes(10);

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RateLimiter limiter;

	/** The test limits from application-test.yml: 5 checkouts per account per 10 minutes. */
	@Autowired
	CheckoutRateLimitProperties limits;

	@Test
	void anAccountOverItsLimitGetsA429WithRetryAfterAndNoOrder() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		AccountPrincipal viewer = fixtures.viewer();
		for (long i = 0; i < limits.perAccount().capacity(); i++) {
			mvc.perform(checkout(viewer, forSale(creator))).andExpect(redirectedUrlPattern("/checkout/simulated/*"));
		}

		BundleId oneTooMany = forSale(creator);
		MvcResult refused = mvc.perform(checkout(viewer, oneTooMany))
			.andExpect(status().isTooManyRequests())
			.andExpect(content().string(containsString("Too many attempts")))
			.andExpect(content().string(containsString("try again")))
			.andReturn();

		long secondsPerToken = limits.perAccount().period().toSeconds() / limits.perAccount().capacity();
		assertThat(Long.parseLong(refused.getResponse().getHeader(HttpHeaders.RETRY_AFTER)))
			.isBetween(1L, secondsPerToken);
		assertThat(orders(viewer)).isEqualTo(limits.perAccount().capacity());
		assertThat(orders(oneTooMany)).isZero();
	}

	@Test
	void anotherAccountIsNotHeldBackByOneOverItsLimit() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		AccountPrincipal busy = fixtures.viewer();
		BundleId bundle = forSale(creator);
		for (long i = 0; i < limits.perAccount().capacity(); i++) {
			mvc.perform(checkout(busy, bundle));
		}
		mvc.perform(checkout(busy, bundle)).andExpect(status().isTooManyRequests());

		AccountPrincipal other = fixtures.viewer();
		mvc.perform(checkout(other, bundle)).andExpect(redirectedUrlPattern("/checkout/simulated/*"));
		assertThat(orders(other)).isEqualTo(1);
	}

	@Test
	void eachClientAddressHasItsOwnLimitWhateverTheAccount() {
		CheckoutRateLimit threePerAddress = new CheckoutRateLimit(limiter,
				new CheckoutRateLimitProperties(new Limit(100, TEN_MINUTES), new Limit(3, TEN_MINUTES)));
		for (int i = 0; i < 3; i++) {
			threePerAddress.admit(AccountId.random(), "203.0.113.7");
		}

		assertThatExceptionOfType(RateLimitExceededException.class)
			.isThrownBy(() -> threePerAddress.admit(AccountId.random(), "203.0.113.7"));
		threePerAddress.admit(AccountId.random(), "198.51.100.23");
		threePerAddress.admit(AccountId.random(), "2001:db8::7");
	}

	@Test
	void bucketsAreKeptInPostgresqlPerAccountAndPerServletRemoteAddress() throws Exception {
		AccountPrincipal viewer = fixtures.viewer();
		mvc.perform(checkout(viewer, forSale(fixtures.creator())).with(request -> {
			request.setRemoteAddr("192.0.2.44");
			return request;
		})).andExpect(redirectedUrlPattern("/checkout/simulated/*"));

		assertThat(buckets("checkout:account:" + viewer.accountId() + "@%")).isEqualTo(1);
		assertThat(buckets("checkout:ip:192.0.2.44@%")).isEqualTo(1);
	}

	private BundleId forSale(AccountPrincipal creator) {
		return fixtures.published(creator, Fixtures.unique("Card test"), FILM, "1.00", "USD");
	}

	private static MockHttpServletRequestBuilder checkout(AccountPrincipal buyer, BundleId bundle) {
		return post("/checkout/{id}", bundle).with(user(buyer)).with(csrf());
	}

	private long orders(AccountPrincipal buyer) {
		return jdbc.sql("select count(*) from orders where buyer_id = ?").param(buyer.accountId().value())
			.query(Long.class).single();
	}

	private long orders(BundleId bundle) {
		return jdbc.sql("select count(*) from orders where bundle_id = ?").param(bundle.value())
			.query(Long.class).single();
	}

	private long buckets(String idPattern) {
		return jdbc.sql("select count(*) from rate_limit_buckets where id like ?").param(idPattern)
			.query(Long.class).single();
	}
}
