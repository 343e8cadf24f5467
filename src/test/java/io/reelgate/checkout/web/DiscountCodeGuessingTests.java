package io.reelgate.checkout.web;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.checkout.Discount;
import io.reelgate.checkout.DiscountCodeRateLimitProperties;
import io.reelgate.checkout.DiscountCodeThrottle;
import io.reelgate.checkout.DiscountService;
import io.reelgate.checkout.DiscountService.NewDiscountCode;
import io.reelgate.shared.BundleId;
import io.reelgate.support.Fixtures;
import io.reelgate.support.IntegrationTest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Guessing discount codes from outside, as the attack that found a 100 % code did: 128 {@code ?code=} tries in a
 * row, once over the real port with an HTTP client that logs in like a script would, else through MockMvc from client
 * addresses of each test's own. The per-account limit is the default (50 an hour, a wrong
 * code costing 5), the per-address one application-test.yml's 300 a day.
 */
@IntegrationTest
class DiscountCodeGuessingTests {

	private static final AtomicInteger addresses = new AtomicInteger(1);

	private static final String FREE = "FREE100";

	/** What {@link Fixtures} gives every account. */
	private static final String PASSWORD = "a-long-enough-password";

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	DiscountService discounts;

	@Autowired
	DiscountCodeRateLimitProperties limits;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	@Test
	void aSignedInGuesserGetsA429WithRetryAfterLongBeforeTheFreeCodeAndEvenTheRightCodeIsRefusedThen()
			throws Exception {
		BundleId bundle = bundleWithFreeCode();
		AccountPrincipal guesser = fixtures.viewer();
		String address = newAddress();
		long allowedFailures = limits.perAccount().capacity() / limits.failureCost();

		Guessing run = guess(bundle, guesser, address, 128, 100);

		assertThat(run.answered()).isEqualTo(allowedFailures);
		assertThat(run.found()).isFalse();
		long secondsPerFailure = limits.perAccount().period().toSeconds() * limits.failureCost()
				/ limits.perAccount().capacity();
		assertThat(Long.parseLong(run.refusal().getHeader(HttpHeaders.RETRY_AFTER))).isBetween(1L, secondsPerFailure);
		assertThat(run.refusal().getContentAsString()).contains("Too many attempts", "try again");
		mvc.perform(page(bundle, FREE, guesser, address)).andExpect(status().isTooManyRequests());
		mvc.perform(page(bundle, FREE, guesser, newAddress())).andExpect(status().isTooManyRequests());
	}

	@Test
	void aScriptGuessingOverHttpWithItsOwnLoginIsStoppedByA429WithRetryAfter() throws Exception {
		BundleId bundle = bundleWithFreeCode();
		AccountPrincipal guesser = fixtures.viewer();
		HttpClient script = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		HttpResponse<String> loggedIn = script.send(loginForm(script, guesser.email()), BodyHandlers.ofString());
		assertThat(loggedIn.statusCode()).isEqualTo(302);
		assertThat(loggedIn.headers().firstValue("Location")).hasValue(url("/").toString());

		int answered = 0;
		HttpResponse<String> response = null;
		for (int i = 0; i < 128; i++) {
			String guess = i == 100 ? FREE : "GUESS" + i;
			response = script.send(HttpRequest.newBuilder(url("/bundles/" + bundle + "?code=" + guess)).build(),
					BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				break;
			}
			assertThat(response.body()).doesNotContain("Code " + FREE + " applied");
			answered++;
		}

		assertThat(answered).isEqualTo(limits.perAccount().capacity() / limits.failureCost());
		assertThat(response.statusCode()).isEqualTo(429);
		assertThat(response.headers().firstValue("Retry-After")).hasValueSatisfying(
				seconds -> assertThat(Long.parseLong(seconds)).isPositive());
	}

	@Test
	void guessersWithManyAccountsAreLimitedPerAddressAndOtherAddressesStillCheckCodes() throws Exception {
		BundleId bundle = bundleWithFreeCode();
		String address = newAddress();
		int answered = 0;
		Guessing run = null;
		for (int account = 0; account < 8 && (run == null || run.answered() == 10); account++) {
			run = guess(bundle, fixtures.viewer(), address, 128, 100);
			answered += run.answered();
			assertThat(run.found()).isFalse();
		}

		assertThat(answered).isEqualTo(limits.perIp().capacity() / limits.failureCost());
		assertThat(run.refusal().getHeader(HttpHeaders.RETRY_AFTER)).isNotBlank();
		mvc.perform(page(bundle, FREE, fixtures.viewer(), newAddress()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Code FREE100 applied")));
	}

	@Test
	void anonymousVisitorsCodesAreNotCheckedSoTheyCannotGuessAndCostNothing() throws Exception {
		BundleId bundle = bundleWithFreeCode();
		String address = newAddress();
		for (int i = 0; i < 128; i++) {
			mvc.perform(page(bundle, i == 100 ? FREE : "GUESS" + i, null, address))
				.andExpect(status().isOk())
				.andExpect(content().string(not(containsString("applied"))));
		}

		assertThat(jdbc.sql("select count(*) from rate_limit_buckets where id like ?")
			.param("discount-code:ip:" + address + "@%").query(Long.class).single()).isZero();
	}

	@Test
	void aRightCodeCostsOneCheckAndAWrongOneFive() throws Exception {
		BundleId bundle = bundleWithFreeCode();
		AccountPrincipal buyer = fixtures.viewer();
		String address = newAddress();
		long rightChecks = 30;
		for (int i = 0; i < rightChecks; i++) {
			mvc.perform(page(bundle, FREE, buyer, address)).andExpect(status().isOk());
		}

		Guessing run = guess(bundle, buyer, address, 20, -1);

		assertThat(run.answered())
			.isEqualTo((limits.perAccount().capacity() - rightChecks) / limits.failureCost());
	}

	@Test
	void wrongCodesAtCheckoutCountOnceAndOverTheLimitTheFormSaysSoAndStillSellsWithoutACode() throws Exception {
		BundleId bundle = bundleWithFreeCode();
		AccountPrincipal buyer = fixtures.viewer();
		String address = newAddress();
		for (String wrong : new String[] { "WRONG1", "WRONG2" }) {
			MvcResult refused = mvc.perform(checkout(bundle, wrong, buyer, address))
				.andExpect(flash().attribute("error", "checkout.code.unknown"))
				.andReturn();
			// The bundle page the buyer is sent back to (with the session that carries the flash message) shows the
			// checkout's reason without checking the code again.
			mvc.perform(get(refused.getResponse().getRedirectedUrl()).with(user(buyer)).with(from(address))
				.cookie(refused.getResponse().getCookies()))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("That discount code does not exist")));
		}

		Guessing run = guess(bundle, buyer, address, 20, -1);
		assertThat(run.answered()).isEqualTo(limits.perAccount().capacity() / limits.failureCost() - 2);

		MvcResult tooMany = mvc.perform(checkout(bundle, FREE, buyer, address))
			.andExpect(redirectedUrlPattern("/bundles/*"))
			.andExpect(flash().attribute("error", DiscountCodeThrottle.TOO_MANY))
			.andReturn();
		mvc.perform(get(tooMany.getResponse().getRedirectedUrl()).with(user(buyer)).with(from(address))
			.cookie(tooMany.getResponse().getCookies()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Too many discount codes were tried")));
		mvc.perform(checkout(bundle, "", buyer, address)).andExpect(redirectedUrlPattern("/checkout/simulated/*"));
	}

	/** What a guessing run saw: how many guesses got an answer before the first 429, and whether one applied. */
	private record Guessing(int answered, boolean found, MockHttpServletResponse refusal) {
	}

	/** Up to {@code tries} guesses, the free code at position {@code freeAt} (or nowhere), until the first 429. */
	private Guessing guess(BundleId bundle, @Nullable AccountPrincipal who, String address, int tries, int freeAt)
			throws Exception {
		boolean found = false;
		for (int i = 0; i < tries; i++) {
			String guess = i == freeAt ? FREE : "GUESS" + i;
			MockHttpServletResponse response = mvc.perform(page(bundle, guess, who, address)).andReturn().getResponse();
			if (response.getStatus() == 429) {
				return new Guessing(i, found, response);
			}
			assertThat(response.getStatus()).isEqualTo(200);
			found |= response.getContentAsString().contains("Code " + FREE + " applied");
		}
		throw new AssertionError("No 429 in " + tries + " guesses");
	}

	private BundleId bundleWithFreeCode() {
		AccountPrincipal creator = fixtures.creator();
		BundleId bundle = fixtures.published(creator, Fixtures.unique("Guessable"), "film".getBytes(), "10.00", "USD");
		fixtures.as(creator, () -> discounts.create(creator.accountId(),
				new NewDiscountCode(FREE, bundle, new Discount.Percent(100), null, null)));
		return bundle;
	}

	private static MockHttpServletRequestBuilder page(BundleId bundle, String code, @Nullable AccountPrincipal who,
			String address) {
		MockHttpServletRequestBuilder request = get("/bundles/{id}", bundle).param("code", code).with(from(address));
		return who == null ? request : request.with(user(who));
	}

	private static MockHttpServletRequestBuilder checkout(BundleId bundle, String code, AccountPrincipal who,
			String address) {
		return post("/checkout/{id}", bundle).param("code", code).with(user(who)).with(csrf()).with(from(address));
	}

	private HttpRequest loginForm(HttpClient browser, String email) throws Exception {
		String page = browser.send(HttpRequest.newBuilder(url("/login")).build(), BodyHandlers.ofString()).body();
		Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
		assertThat(csrf.find()).isTrue();
		String form = "username=" + encode(email) + "&password=" + encode(PASSWORD) + "&_csrf="
				+ encode(csrf.group(1));
		return HttpRequest.newBuilder(url("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build();
	}

	private URI url(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	/** A documentation address (RFC 5737) per use, so no two tests share a bucket. */
	private static String newAddress() {
		int n = addresses.getAndIncrement();
		return "198.51.100." + n;
	}
}
