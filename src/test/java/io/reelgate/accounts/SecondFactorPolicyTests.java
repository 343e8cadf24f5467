package io.reelgate.accounts;

import io.reelgate.support.Fixtures;
import io.reelgate.support.IntegrationTest;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static io.reelgate.accounts.TwoFactorSignInTests.PASSWORD;
import static io.reelgate.accounts.TwoFactorSignInTests.awayFromAStepBoundary;
import static io.reelgate.accounts.TwoFactorSignInTests.base32;
import static io.reelgate.accounts.TwoFactorSignInTests.code;
import static io.reelgate.accounts.TwoFactorSignInTests.cookies;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The operator's policy, switched on through {@link SecondFactorPolicy} (the test profile leaves it off). */
@IntegrationTest
class SecondFactorPolicyTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@BeforeEach
	void keepClearOfAStepBoundary() throws InterruptedException {
		awayFromAStepBoundary();
	}

	@Autowired
	AccountService accounts;

	@Autowired
	SecondFactorPolicy policy;

	@AfterEach
	void restorePolicy() {
		policy.requireForAdmins(false);
		policy.requireForPayoutCreators(false);
	}

	@Test
	void adminsWithoutASecondFactorAreSentToSetOneUpAndCannotSwitchItOff() throws Exception {
		String email = Fixtures.unique("admin") + "@reelgate.test";
		accounts.register(email, "Second Admin", PASSWORD, Role.ADMIN);
		policy.requireForAdmins(true);

		Cookie[] session = mvc.perform(formLogin().user(email).password(PASSWORD))
			.andExpect(redirectedUrl("/account/two-factor/setup")).andReturn().getResponse().getCookies();
		mvc.perform(get("/admin").cookie(session)).andExpect(redirectedUrl("/account/two-factor/setup"));
		mvc.perform(get("/library").cookie(session)).andExpect(redirectedUrl("/account/two-factor/setup"));
		MvcResult setup = mvc.perform(get("/account/two-factor/setup").cookie(session))
			.andExpect(content().string(containsString("Your account must use two-factor sign-in"))).andReturn();
		byte[] secret = base32((String) setup.getModelAndView().getModel().get("secret"));

		MvcResult enrolled = mvc.perform(post("/account/two-factor/setup").cookie(session).with(csrf())
			.param("code", code(secret, 0))).andExpect(status().isOk()).andReturn();
		Cookie[] admin = cookies(enrolled.getResponse(), session);
		mvc.perform(get("/admin").cookie(admin)).andExpect(status().isOk());
		mvc.perform(post("/account/two-factor/disable").cookie(admin).with(csrf()).param("code", code(secret, 1)))
			.andExpect(flash().attribute("error", "secondFactor.disable.required"));

		Cookie[] next = mvc.perform(formLogin().user(email).password(PASSWORD))
			.andExpect(redirectedUrl("/login/second-factor")).andReturn().getResponse().getCookies();
		mvc.perform(get("/admin").cookie(next)).andExpect(redirectedUrl("/login/second-factor"));
	}

	@Test
	void withThePolicyOffAdminsSignInWithThePasswordAlone() throws Exception {
		String email = Fixtures.unique("admin") + "@reelgate.test";
		accounts.register(email, "Third Admin", PASSWORD, Role.ADMIN);
		Cookie[] session = mvc.perform(formLogin().user(email).password(PASSWORD)).andExpect(redirectedUrl("/"))
			.andReturn().getResponse().getCookies();
		mvc.perform(get("/admin").cookie(session)).andExpect(status().isOk());
	}

	@Test
	void creatorsWhoSetUpPayoutsNeedASecondFactorWhenTheOperatorSaysSo() throws Exception {
		AccountPrincipal paid = fixtures.creator();
		fixtures.payoutsReady(paid);
		AccountPrincipal unpaid = fixtures.creator();
		policy.requireForPayoutCreators(true);

		Cookie[] session = mvc.perform(formLogin().user(paid.email()).password(PASSWORD))
			.andExpect(redirectedUrl("/account/two-factor/setup")).andReturn().getResponse().getCookies();
		mvc.perform(get("/studio").cookie(session)).andExpect(redirectedUrl("/account/two-factor/setup"));
		mvc.perform(formLogin().user(unpaid.email()).password(PASSWORD)).andExpect(redirectedUrl("/"));
	}
}
