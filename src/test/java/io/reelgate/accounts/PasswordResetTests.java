package io.reelgate.accounts;

import java.time.Duration;

import io.reelgate.accounts.AccountToken.Purpose;
import io.reelgate.notifications.SentMails;
import io.reelgate.support.Fixtures;
import io.reelgate.support.IntegrationTest;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class PasswordResetTests {

	private static final String PASSWORD = "a-long-enough-password";

	private static final String NEW_PASSWORD = "a-fresh-password-after-reset";

	@Autowired
	MockMvc mvc;

	@Autowired
	SentMails mails;

	@Autowired
	Fixtures fixtures;

	@Autowired
	LinkTokens tokens;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theLinkSetsANewPasswordAndLogsOutEverySession() throws Exception {
		AccountPrincipal viewer = fixtures.viewer();
		Cookie[] laptop = logIn(viewer.email(), PASSWORD);
		Cookie[] phone = logIn(viewer.email(), PASSWORD);

		requestFrom("192.0.2.10", viewer.email().toUpperCase()).andExpect(redirectedUrl("/password/forgot"));
		String link = mails.latestLink(viewer.email(), "/password/reset");
		mvc.perform(get(link)).andExpect(status().isOk())
			.andExpect(content().string(containsString("Choose a new password")));
		reset(link, "short").andExpect(status().isOk()).andExpect(model().attributeHasFieldErrors("form", "newPassword"));

		reset(link, NEW_PASSWORD).andExpect(redirectedUrl("/login"))
			.andExpect(flash().attribute("success", "password.reset.done"));

		mvc.perform(get("/library").cookie(laptop)).andExpect(redirectedUrl("/login"));
		mvc.perform(get("/library").cookie(phone)).andExpect(redirectedUrl("/login"));
		mvc.perform(formLogin().user(viewer.email()).password(PASSWORD)).andExpect(unauthenticated());
		mvc.perform(formLogin().user(viewer.email()).password(NEW_PASSWORD)).andExpect(authenticated());
	}

	@Test
	void anUnknownAddressGetsExactlyTheSameAnswerAndNoMail() throws Exception {
		AccountPrincipal viewer = fixtures.viewer();
		String unknown = Fixtures.unique("nobody") + "@example.test";

		MockHttpServletResponse known = requestFrom("192.0.2.11", viewer.email()).andReturn().getResponse();
		MockHttpServletResponse stranger = requestFrom("192.0.2.11", unknown).andReturn().getResponse();

		assertThat(stranger.getStatus()).isEqualTo(known.getStatus()).isEqualTo(302);
		assertThat(stranger.getRedirectedUrl()).isEqualTo(known.getRedirectedUrl());
		requestFrom("192.0.2.11", unknown).andExpect(flash().attribute("success", "password.forgot.sent"));
		mails.latestLink(viewer.email(), "/password/reset");
		assertThat(mails.transcript()).doesNotContain("To: " + unknown);
	}

	@Test
	void aForgedTokenIsRefused() throws Exception {
		mvc.perform(get("/password/reset").param("token", "B".repeat(43))).andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("This link does not work")));
		mvc.perform(post("/password/reset").with(csrf()).param("token", "B".repeat(43))
			.param("newPassword", NEW_PASSWORD)).andExpect(status().isBadRequest());
		mvc.perform(get("/password/reset")).andExpect(status().isBadRequest());
	}

	@Test
	void anExpiredLinkIsRefusedAndThePasswordStays() throws Exception {
		AccountPrincipal viewer = fixtures.viewer();
		String token = transactions.execute(status -> tokens.issue(viewer.accountId(), Purpose.RESET_PASSWORD, null));
		jdbc.sql("update account_tokens set expires_at = now() - interval '1 second' where token_hash = ?")
			.param(LinkTokens.hash(token)).update();

		mvc.perform(get("/password/reset").param("token", token)).andExpect(status().isGone());
		reset("/password/reset?token=" + token, NEW_PASSWORD).andExpect(status().isGone())
			.andExpect(content().string(containsString("This link has expired")));
		mvc.perform(formLogin().user(viewer.email()).password(PASSWORD)).andExpect(authenticated());
	}

	@Test
	void aLinkWorksOnceAndANewerOneReplacesIt() throws Exception {
		AccountPrincipal viewer = fixtures.viewer();
		requestFrom("192.0.2.12", viewer.email());
		String first = mails.latestLink(viewer.email(), "/password/reset");
		requestFrom("192.0.2.12", viewer.email());
		await().until(() -> mails.links(viewer.email(), "/password/reset").size() == 2);
		String second = mails.latestLink(viewer.email(), "/password/reset");

		reset(first, NEW_PASSWORD).andExpect(status().isBadRequest());
		reset(second, NEW_PASSWORD).andExpect(redirectedUrl("/login"));
		reset(second, "yet-another-password").andExpect(status().isBadRequest());
		mvc.perform(formLogin().user(viewer.email()).password(NEW_PASSWORD)).andExpect(authenticated());
	}

	@Test
	void othersAskingForSomeonesAddressAreNeverRefusedAndTheOwnerStillGetsAMail() throws Exception {
		AccountPrincipal victim = fixtures.viewer();
		for (int attacker = 0; attacker < 3; attacker++) {
			for (int i = 0; i < 4; i++) {
				requestFrom("198.51.100." + (20 + attacker), victim.email()).andExpect(redirectedUrl("/password/forgot"))
					.andExpect(flash().attribute("success", "password.forgot.sent"));
			}
		}
		// Three mails per asking address and hour; the fourth request from each got the same answer and no mail.
		await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(20))
			.until(() -> mails.links(victim.email(), "/password/reset").size() == 9);

		requestFrom("192.0.2.30", victim.email()).andExpect(redirectedUrl("/password/forgot"))
			.andExpect(flash().attribute("success", "password.forgot.sent"));
		await().atMost(Duration.ofSeconds(20))
			.until(() -> mails.links(victim.email(), "/password/reset").size() == 10);
		reset(mails.latestLink(victim.email(), "/password/reset"), NEW_PASSWORD).andExpect(redirectedUrl("/login"));
	}

	@Test
	void mailsToOneAddressAreCappedSilentlyButABrowserTheOwnerSignedInOnStillGetsOne() throws Exception {
		AccountPrincipal victim = fixtures.viewer();
		Cookie device = mvc.perform(formLogin().user(victim.email()).password(PASSWORD)).andExpect(authenticated())
			.andReturn().getResponse().getCookie(KnownDevices.COOKIE);
		for (int i = 0; i < 25; i++) {
			requestFrom("198.51.100." + (100 + i), victim.email()).andExpect(redirectedUrl("/password/forgot"));
		}
		await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(20))
			.until(() -> mails.links(victim.email(), "/password/reset").size() == 20);

		// A new browser on a new address: the same answer, but the address has had its 20 mails this hour.
		requestFrom("192.0.2.31", victim.email()).andExpect(redirectedUrl("/password/forgot"));
		mvc.perform(post("/password/forgot").with(csrf()).param("email", victim.email()).cookie(device)
			.with(request -> {
				request.setRemoteAddr("192.0.2.32");
				return request;
			})).andExpect(redirectedUrl("/password/forgot"));

		await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(20))
			.until(() -> mails.links(victim.email(), "/password/reset").size() == 21);
		reset(mails.latestLink(victim.email(), "/password/reset"), NEW_PASSWORD).andExpect(redirectedUrl("/login"));
	}

	@Test
	void requestsForAnUnknownAddressCostTheSameAndAreNeverRefusedForTheAddress() throws Exception {
		String email = Fixtures.unique("target") + "@example.test";
		for (int i = 0; i < 30; i++) {
			requestFrom("203.0.113." + (20 + i), email).andExpect(redirectedUrl("/password/forgot"))
				.andExpect(flash().attribute("success", "password.forgot.sent"));
		}
		assertThat(mails.countTo(email)).isZero();
	}

	@Test
	void requestsAreLimitedPerClientAddress() throws Exception {
		for (int i = 0; i < 10; i++) {
			requestFrom("198.51.100.40", Fixtures.unique("someone") + "@example.test")
				.andExpect(redirectedUrl("/password/forgot"));
		}
		requestFrom("198.51.100.40", Fixtures.unique("someone") + "@example.test")
			.andExpect(status().isTooManyRequests());
		requestFrom("198.51.100.41", Fixtures.unique("someone") + "@example.test")
			.andExpect(redirectedUrl("/password/forgot"));
	}

	@Test
	void anInvalidAddressIsAFormErrorAndCostsNothing() throws Exception {
		requestFrom("198.51.100.50", "not-an-address").andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("form", "email"));
	}

	private ResultActions requestFrom(String address, String email) throws Exception {
		return mvc.perform(post("/password/forgot").with(csrf()).param("email", email).with(request -> {
			request.setRemoteAddr(address);
			return request;
		}));
	}

	private ResultActions reset(String link, String newPassword) throws Exception {
		return mvc.perform(post("/password/reset").with(csrf())
			.param("token", link.substring(link.indexOf("?token=") + "?token=".length()))
			.param("newPassword", newPassword));
	}

	private Cookie[] logIn(String email, String password) throws Exception {
		return mvc.perform(formLogin().user(email).password(password)).andExpect(authenticated()).andReturn()
			.getResponse().getCookies();
	}
}
