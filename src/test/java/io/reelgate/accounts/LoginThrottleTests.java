package io.reelgate.accounts;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import io.reelgate.ratelimit.Limit;
import jakarta.servlet.http.Cookie;
import io.reelgate.ratelimit.ManualClock;
import io.reelgate.ratelimit.RateLimitExceededException;
import io.reelgate.support.Fixtures;
import io.reelgate.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class LoginThrottleTests {

	private static final String PASSWORD = "a-long-enough-password";

	private static final LoginRateLimitProperties DEFAULTS = new LoginRateLimitProperties(null, null, null, null, null, null);

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	DataSource dataSource;

	@LocalServerPort
	int port;

	@Test
	void fiveFailuresLockTheAccountFromThatAddressOnlySoTheOwnerElsewhereStillLogsIn() throws Exception {
		AccountPrincipal victim = fixtures.viewer();
		for (int i = 0; i < 5; i++) {
			login(victim.email(), "guess-" + i, "203.0.113.9").andExpect(redirectedUrl("/login?error"));
		}

		MvcResult refused = login(victim.email(), PASSWORD, "203.0.113.9").andExpect(status().isTooManyRequests())
			.andExpect(unauthenticated())
			.andReturn();
		assertThat(Long.parseLong(refused.getResponse().getHeader("Retry-After"))).isBetween(1L, 60L);

		login(victim.email(), PASSWORD, "198.51.100.1").andExpect(redirectedUrl("/")).andExpect(authenticated());
	}

	@Test
	void unknownEmailsAreThrottledJustLikeKnownOnes() throws Exception {
		String nobody = Fixtures.unique("nobody") + "@example.test";
		for (int i = 0; i < 5; i++) {
			login(nobody, "guess-" + i, "203.0.113.10").andExpect(redirectedUrl("/login?error"));
		}
		login(nobody, "guess", "203.0.113.10").andExpect(status().isTooManyRequests());
	}

	@Test
	void theWaitGrowsWhileSomeoneKeepsGuessingAndIsOverSoonAfterTheyStop() {
		ManualClock clock = new ManualClock(Instant.now());
		LoginThrottle throttle = new LoginThrottle(clock.limiter(dataSource), DEFAULTS);
		String email = Fixtures.unique("target") + "@example.test";
		String address = "203.0.113.11";
		for (int i = 0; i < 5; i++) {
			throttle.admit(email, address, false);
			throttle.failed(email, address, false);
		}
		assertThat(refusal(throttle, email, address)).isEqualTo(Duration.ofSeconds(60));

		Duration wait = Duration.ZERO;
		for (int i = 0; i < 25; i++) {
			wait = waitOut(throttle, clock, email, address);
			throttle.failed(email, address, false);
		}
		// Past the 15 failures an hour allows, a guess costs four minutes instead of one.
		assertThat(wait).isGreaterThan(Duration.ofSeconds(60)).isLessThanOrEqualTo(Duration.ofMinutes(4));

		clock.advance(Duration.ofHours(1));
		for (int i = 0; i < 5; i++) {
			throttle.admit(email, address, false);
			throttle.failed(email, address, false);
		}
		refusal(throttle, email, address);
	}

	@Test
	void guessesSpreadOverThirtyAddressesAreSlowedWithGrowingWaitsThatStayShort() {
		ManualClock clock = new ManualClock(Instant.now());
		LoginThrottle throttle = new LoginThrottle(clock.limiter(dataSource), DEFAULTS);
		String email = Fixtures.unique("spread") + "@example.test";
		Duration total = Duration.ZERO;
		Duration longest = Duration.ZERO;
		List<Duration> waits = new ArrayList<>();
		for (int i = 0; i < 150; i++) {
			// 30 addresses, five guesses each: never enough from one address to reach the per-address limits.
			String address = "203.0.113." + (100 + i % 30);
			Duration wait = waitOut(throttle, clock, email, address);
			throttle.failed(email, address, false);
			waits.add(wait);
			total = total.plus(wait);
			longest = wait.compareTo(longest) > 0 ? wait : longest;
		}

		// The first 20 go through at once, then each waits 30 s, and past 100 an account-wide 3.6 minutes.
		assertThat(waits.subList(0, 20)).containsOnly(Duration.ZERO);
		assertThat(waits.get(20)).isEqualTo(Duration.ofSeconds(30));
		assertThat(waits.get(149)).isGreaterThan(Duration.ofSeconds(30));
		assertThat(longest).isLessThanOrEqualTo(Duration.ofMinutes(4));
		assertThat(total).isGreaterThan(Duration.ofHours(1));
	}

	@Test
	void theOwnersBrowserThatSignedInBeforeKeepsWorkingWhileGuessersSpendTheAccountsBudget() throws Exception {
		AccountPrincipal victim = fixtures.viewer();
		Cookie device = login(victim.email(), PASSWORD, "192.0.2.60").andExpect(authenticated()).andReturn()
			.getResponse().getCookie(KnownDevices.COOKIE);
		assertThat(device).isNotNull();
		assertThat(device.isHttpOnly()).isTrue();
		assertThat(device.getMaxAge()).isEqualTo((int) Duration.ofDays(180).toSeconds());

		for (int i = 0; i < 20; i++) {
			login(victim.email(), "guess-" + i, "203.0.113." + (150 + i)).andExpect(redirectedUrl("/login?error"));
		}
		// A new address and a new browser: the account's budget is spent, even for the right password.
		MvcResult slowed = login(victim.email(), PASSWORD, "198.51.100.61").andExpect(status().isTooManyRequests())
			.andExpect(unauthenticated()).andReturn();
		assertThat(Long.parseLong(slowed.getResponse().getHeader("Retry-After"))).isBetween(1L, 30L);

		login(victim.email(), PASSWORD, "198.51.100.62", device).andExpect(authenticated());
	}

	@Test
	void aDeviceCookieOfAnotherAccountOrATamperedOneDoesNotExempt() throws Exception {
		AccountPrincipal victim = fixtures.viewer();
		AccountPrincipal attacker = fixtures.viewer();
		Cookie theirs = login(attacker.email(), PASSWORD, "192.0.2.70").andExpect(authenticated()).andReturn()
			.getResponse().getCookie(KnownDevices.COOKIE);
		Cookie own = login(victim.email(), PASSWORD, "192.0.2.71").andExpect(authenticated()).andReturn()
			.getResponse().getCookie(KnownDevices.COOKIE);
		String value = own.getValue();
		Cookie tampered = new Cookie(KnownDevices.COOKIE, value.substring(0, value.length() - 2)
				+ (value.endsWith("AA") ? "BB" : "AA"));
		for (int i = 0; i < 20; i++) {
			login(victim.email(), "guess-" + i, "203.0.113." + (180 + i), theirs)
				.andExpect(redirectedUrl("/login?error"));
		}

		login(victim.email(), PASSWORD, "198.51.100.72", theirs).andExpect(status().isTooManyRequests());
		login(victim.email(), PASSWORD, "198.51.100.73", tampered).andExpect(status().isTooManyRequests());
		login(victim.email(), PASSWORD, "198.51.100.74", own).andExpect(authenticated());
	}

	@Test
	void everyAttemptCountsAgainstTheAddressWhateverTheAccount() {
		Limit plenty = new Limit(100, Duration.ofMinutes(10));
		LoginThrottle threePerAddress = new LoginThrottle(new ManualClock(Instant.now()).limiter(dataSource),
				new LoginRateLimitProperties(new Limit(3, Duration.ofMinutes(10)), plenty, plenty, plenty, plenty, null));
		String address = "203.0.113." + (int) (Math.random() * 200 + 20);
		for (int i = 0; i < 3; i++) {
			threePerAddress.admit(Fixtures.unique("a") + "@example.test", address, false);
		}

		refusal(threePerAddress, Fixtures.unique("b") + "@example.test", address);
		assertThatNoException().isThrownBy(() -> threePerAddress.admit("b@example.test", "192.0.2.200", false));
	}

	@Test
	void aThrottledBrowserGetsTheTooManyAttemptsPageWithRetryAfter() throws Exception {
		HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		String email = fixtures.viewer().email();
		HttpResponse<String> response = null;
		for (int i = 0; i < 6; i++) {
			response = browser.send(loginForm(browser, email, "guess-" + i), HttpResponse.BodyHandlers.ofString());
		}

		assertThat(response.statusCode()).isEqualTo(429);
		assertThat(response.headers().firstValue("Retry-After")).isPresent();
		assertThat(response.body()).contains("Too many attempts", "about a minute");
	}

	private HttpRequest loginForm(HttpClient browser, String email, String password) throws Exception {
		String page = browser.send(HttpRequest.newBuilder(url("/login")).build(), HttpResponse.BodyHandlers.ofString())
			.body();
		Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
		assertThat(csrf.find()).isTrue();
		String form = "username=" + encode(email) + "&password=" + encode(password) + "&_csrf=" + encode(csrf.group(1));
		return HttpRequest.newBuilder(url("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "text/html")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build();
	}

	private URI url(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private ResultActions login(String email, String password, String address, Cookie... cookies) throws Exception {
		MockHttpServletRequestBuilder form = post("/login").with(csrf()).param("username", email)
			.param("password", password)
			.with(request -> {
				request.setRemoteAddr(address);
				return request;
			});
		return mvc.perform(cookies.length == 0 ? form : form.cookie(cookies));
	}

	private static Duration waitOut(LoginThrottle throttle, ManualClock clock, String email, String address) {
		Duration waited = Duration.ZERO;
		while (true) {
			try {
				throttle.admit(email, address, false);
				return waited;
			}
			catch (RateLimitExceededException ex) {
				clock.advance(ex.retryAfter());
				waited = waited.plus(ex.retryAfter());
			}
		}
	}

	private static Duration refusal(LoginThrottle throttle, String email, String address) {
		return assertThatExceptionOfType(RateLimitExceededException.class)
			.isThrownBy(() -> throttle.admit(email, address, false))
			.actual()
			.retryAfter();
	}
}
