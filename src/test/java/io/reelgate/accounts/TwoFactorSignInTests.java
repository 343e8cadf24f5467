package io.reelgate.accounts;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import io.reelgate.support.Fixtures;
import io.reelgate.support.IntegrationTest;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * Two-factor sign-in against codes the test computes from the secret the setup page shows, the way an authenticator
 * app does. Codes are taken one step apart inside the ±1-step window, so each test keeps clear of a step boundary.
 */
@IntegrationTest
class TwoFactorSignInTests {

	static final String PASSWORD = "a-long-enough-password";

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void keepClearOfAStepBoundary() throws InterruptedException {
		awayFromAStepBoundary();
	}

	/** Waits out the last seconds of a step, so that codes computed now are still in the window when checked. */
	static void awayFromAStepBoundary() throws InterruptedException {
		long intoStep = Instant.now().getEpochSecond() % Totp.STEP_SECONDS;
		if (intoStep > Totp.STEP_SECONDS - 8) {
			Thread.sleep((Totp.STEP_SECONDS - intoStep + 1) * 1000);
		}
	}

	@Test
	void settingUpNeedsACodeFromTheSecretThenSignInAsksForAFreshCodeAfterThePassword() throws Exception {
		AccountPrincipal viewer = fixtures.viewer();
		Cookie[] here = logIn(viewer.email());
		Cookie[] elsewhere = logIn(viewer.email());

		MvcResult setup = mvc.perform(get("/account/two-factor/setup").cookie(here)).andExpect(status().isOk())
			.andExpect(content().string(containsString("data:image/svg+xml;base64,"))).andReturn();
		byte[] secret = base32((String) setup.getModelAndView().getModel().get("secret"));
		mvc.perform(get("/account/two-factor/setup").cookie(here))
			.andExpect(model().attribute("secret", setup.getModelAndView().getModel().get("secret")));

		mvc.perform(post("/account/two-factor/setup").cookie(here).with(csrf()).param("code", wrong(secret)))
			.andExpect(view().name("accounts/two-factor-setup"))
			.andExpect(model().attribute("error", "secondFactor.code.WRONG"));
		MvcResult enabled = mvc.perform(post("/account/two-factor/setup").cookie(here).with(csrf())
			.param("code", code(secret, -1)))
			.andExpect(view().name("accounts/recovery-codes"))
			.andExpect(model().attribute("codes", hasSize(10))).andReturn();
		Cookie[] enrolled = cookies(enabled.getResponse(), here);

		mvc.perform(get("/library").cookie(enrolled)).andExpect(status().isOk());
		mvc.perform(get("/library").cookie(elsewhere)).andExpect(redirectedUrl("/login"));

		Cookie[] next = mvc.perform(formLogin().user(viewer.email()).password(PASSWORD))
			.andExpect(redirectedUrl("/login/second-factor")).andReturn().getResponse().getCookies();
		mvc.perform(get("/library").cookie(next)).andExpect(redirectedUrl("/login/second-factor"));
		mvc.perform(post("/account/sessions/others/logout").cookie(next).with(csrf())).andExpect(redirectedUrl("/login/second-factor"));
		mvc.perform(post("/login/second-factor").cookie(next).with(csrf()).param("code", code(secret, -1)))
			.andExpect(model().attribute("error", "secondFactor.code.REPLAYED"));
		mvc.perform(post("/login/second-factor").cookie(next).with(csrf()).param("code", code(secret, 2)))
			.andExpect(model().attribute("error", "secondFactor.code.WRONG"));
		MvcResult passed = mvc.perform(post("/login/second-factor").cookie(next).with(csrf())
			.param("code", code(secret, 0))).andExpect(redirectedUrlPattern("http://localhost/library?*")).andReturn();
		Cookie[] signedIn = cookies(passed.getResponse(), next);
		mvc.perform(get("/library").cookie(signedIn)).andExpect(status().isOk());
		mvc.perform(get("/library").cookie(next)).andExpect(redirectedUrl("/login"));

		Cookie[] third = logIn(viewer.email());
		mvc.perform(post("/login/second-factor").cookie(third).with(csrf()).param("code", code(secret, 0)))
			.andExpect(model().attribute("error", "secondFactor.code.REPLAYED"));

		assertThat(events(viewer)).contains("TOTP_ENABLED", "SECOND_FACTOR_WRONG", "SECOND_FACTOR_REPLAYED");
		mvc.perform(get("/account").cookie(signedIn))
			.andExpect(content().string(containsString("Two-factor sign-in switched on")))
			.andExpect(content().string(containsString("10 recovery codes are left")));
	}

	@Test
	void eachRecoveryCodeSignsInOnce() throws Exception {
		AccountPrincipal viewer = fixtures.viewer();
		Enrolled enrolled = enrol(viewer);

		Cookie[] first = logIn(viewer.email());
		mvc.perform(post("/login/second-factor").cookie(first).with(csrf())
			.param("code", enrolled.recoveryCodes().get(3).toUpperCase(Locale.ROOT)))
			.andExpect(redirectedUrl("/"));
		Cookie[] second = logIn(viewer.email());
		mvc.perform(post("/login/second-factor").cookie(second).with(csrf()).param("code", enrolled.recoveryCodes().get(3)))
			.andExpect(model().attribute("error", "secondFactor.code.REPLAYED"));
		mvc.perform(get("/library").cookie(second)).andExpect(redirectedUrl("/login/second-factor"));
		mvc.perform(post("/login/second-factor").cookie(second).with(csrf()).param("code", "abcde-fghjk"))
			.andExpect(model().attribute("error", "secondFactor.code.WRONG"));

		assertThat(events(viewer)).contains("RECOVERY_CODE_USED");
		assertThat(jdbc.sql("select count(*) from recovery_codes where account_id = ? and used_at is null")
			.param(viewer.accountId().value()).query(Integer.class).single()).isEqualTo(9);
		assertThat(jdbc.sql("select count(*) from recovery_codes where code_hash = convert_to(?, 'UTF8')")
			.param(enrolled.recoveryCodes().get(0).replace("-", "")).query(Integer.class).single())
			.as("only hashes are stored").isZero();
	}

	@Test
	void wrongCodesAreRateLimitedPerAccount() throws Exception {
		AccountPrincipal viewer = fixtures.viewer();
		Enrolled enrolled = enrol(viewer);
		Cookie[] session = logIn(viewer.email());
		for (int i = 0; i < 5; i++) {
			mvc.perform(post("/login/second-factor").cookie(session).with(csrf()).param("code", wrong(enrolled.secret())))
				.andExpect(model().attribute("error", "secondFactor.code.WRONG"));
		}
		mvc.perform(post("/login/second-factor").cookie(session).with(csrf()).param("code", code(enrolled.secret(), 0)))
			.andExpect(status().isTooManyRequests()).andExpect(header().exists("Retry-After"));
		mvc.perform(get("/library").cookie(session)).andExpect(redirectedUrl("/login/second-factor"));
	}

	@Test
	void switchingOffNeedsACurrentCode() throws Exception {
		AccountPrincipal viewer = fixtures.viewer();
		Enrolled enrolled = enrol(viewer);
		mvc.perform(post("/account/two-factor/disable").cookie(enrolled.session()).with(csrf())
			.param("code", wrong(enrolled.secret())))
			.andExpect(redirectedUrl("/account"));
		assertThat(events(viewer)).doesNotContain("TOTP_DISABLED");

		mvc.perform(post("/account/two-factor/disable").cookie(enrolled.session()).with(csrf())
			.param("code", code(enrolled.secret(), 0)))
			.andExpect(redirectedUrl("/account"));
		assertThat(events(viewer)).contains("TOTP_DISABLED");
		Cookie[] again = mvc.perform(formLogin().user(viewer.email()).password(PASSWORD)).andExpect(redirectedUrl("/"))
			.andReturn().getResponse().getCookies();
		mvc.perform(get("/library").cookie(again)).andExpect(status().isOk());
	}

	@Test
	void thePasswordAloneReachesNeitherTheSetupOfASecondAuthenticatorNorTheSettings() throws Exception {
		AccountPrincipal viewer = fixtures.viewer();
		enrol(viewer);
		Cookie[] passwordOnly = logIn(viewer.email());
		mvc.perform(get("/account/two-factor/setup").cookie(passwordOnly)).andExpect(redirectedUrl("/account"));
		mvc.perform(get("/account").cookie(passwordOnly)).andExpect(redirectedUrl("/login/second-factor"));
		mvc.perform(post("/account/two-factor/recovery-codes").cookie(passwordOnly).with(csrf()))
			.andExpect(redirectedUrl("/login/second-factor"));
		mvc.perform(get("/login/second-factor")).andExpect(redirectedUrl("/login"));
	}

	/** An account with an authenticator switched on, and a session that showed it. */
	record Enrolled(byte[] secret, List<String> recoveryCodes, Cookie[] session) {
	}

	Enrolled enrol(AccountPrincipal account) throws Exception {
		Cookie[] session = logIn(account.email());
		MvcResult setup = mvc.perform(get("/account/two-factor/setup").cookie(session)).andReturn();
		byte[] secret = base32((String) setup.getModelAndView().getModel().get("secret"));
		MvcResult done = mvc.perform(post("/account/two-factor/setup").cookie(session).with(csrf())
			.param("code", code(secret, -1))).andExpect(view().name("accounts/recovery-codes")).andReturn();
		@SuppressWarnings("unchecked")
		List<String> codes = (List<String>) done.getModelAndView().getModel().get("codes");
		return new Enrolled(secret, codes, cookies(done.getResponse(), session));
	}

	Cookie[] logIn(String email) throws Exception {
		return mvc.perform(formLogin().user(email).password(PASSWORD)).andReturn().getResponse().getCookies();
	}

	List<String> events(AccountPrincipal account) {
		return jdbc.sql("select kind from security_events where account_id = ?").param(account.accountId().value())
			.query(String.class).list();
	}

	/** The code an authenticator app shows {@code offset} steps from now. */
	static String code(byte[] secret, int offset) {
		return Totp.code(secret, Totp.step(Instant.now()) + offset);
	}

	/** A code that is none of the three accepted now. */
	static String wrong(byte[] secret) {
		long now = Totp.step(Instant.now());
		for (int candidate = 0;; candidate++) {
			String code = "%06d".formatted(candidate);
			if (!code.equals(Totp.code(secret, now - 1)) && !code.equals(Totp.code(secret, now))
					&& !code.equals(Totp.code(secret, now + 1))) {
				return code;
			}
		}
	}

	/** The session cookie a response set (a new id after a change of privilege), else the ones sent. */
	static Cookie[] cookies(MockHttpServletResponse response, Cookie[] sent) {
		return response.getCookies().length > 0 ? response.getCookies() : sent;
	}

	static byte[] base32(String text) {
		String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int buffer = 0;
		int bits = 0;
		for (char c : text.replace(" ", "").toCharArray()) {
			buffer = (buffer << 5) | alphabet.indexOf(c);
			bits += 5;
			if (bits >= 8) {
				out.write((buffer >> (bits - 8)) & 0xff);
				bits -= 8;
			}
		}
		return out.toByteArray();
	}
}
