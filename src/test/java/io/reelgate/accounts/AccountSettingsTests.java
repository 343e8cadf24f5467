package io.reelgate.accounts;

import io.reelgate.support.Fixtures;
import io.reelgate.support.IntegrationTest;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

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
class AccountSettingsTests {

	private static final String PASSWORD = "a-long-enough-password";

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Test
	void changingThePasswordNeedsTheCurrentOneAndLogsOutEveryOtherSession() throws Exception {
		AccountPrincipal viewer = fixtures.viewer();
		Cookie[] here = logIn(viewer.email(), PASSWORD);
		Cookie[] elsewhere = logIn(viewer.email(), PASSWORD);
		mvc.perform(get("/account").cookie(here)).andExpect(content().string(containsString("You are logged in 2 times")));

		mvc.perform(post("/account/password").cookie(here).with(csrf()).param("currentPassword", "a-wrong-guess")
			.param("newPassword", "a-brand-new-password")).andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "currentPassword", "account.password.wrong"));
		mvc.perform(get("/library").cookie(elsewhere)).andExpect(status().isOk());

		mvc.perform(post("/account/password").cookie(here).with(csrf()).param("currentPassword", PASSWORD)
			.param("newPassword", "a-brand-new-password")).andExpect(redirectedUrl("/account"))
			.andExpect(flash().attribute("success", "account.password.changed"));

		mvc.perform(get("/library").cookie(here)).andExpect(status().isOk());
		mvc.perform(get("/library").cookie(elsewhere)).andExpect(redirectedUrl("/login"));
		mvc.perform(formLogin().user(viewer.email()).password(PASSWORD)).andExpect(unauthenticated());
		mvc.perform(formLogin().user(viewer.email()).password("a-brand-new-password")).andExpect(authenticated());
	}

	@Test
	void logOutEverywhereElseKeepsOnlyThisSession() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		Cookie[] here = logIn(creator.email(), PASSWORD);
		Cookie[] phone = logIn(creator.email(), PASSWORD);
		Cookie[] laptop = logIn(creator.email(), PASSWORD);

		mvc.perform(post("/account/sessions/others/logout").cookie(here).with(csrf()))
			.andExpect(flash().attribute("success", "account.sessions.ended"));

		mvc.perform(get("/studio").cookie(here)).andExpect(status().isOk());
		mvc.perform(get("/studio").cookie(phone)).andExpect(redirectedUrl("/login"));
		mvc.perform(get("/studio").cookie(laptop)).andExpect(redirectedUrl("/login"));
		mvc.perform(get("/account").cookie(here)).andExpect(content().string(containsString("logged in here only")));
	}

	@Test
	void aNewPasswordMustBeLongEnough() throws Exception {
		AccountPrincipal viewer = fixtures.viewer();
		Cookie[] here = logIn(viewer.email(), PASSWORD);
		mvc.perform(post("/account/password").cookie(here).with(csrf()).param("currentPassword", PASSWORD)
			.param("newPassword", "short")).andExpect(model().attributeHasFieldErrors("form", "newPassword"));
		mvc.perform(formLogin().user(viewer.email()).password(PASSWORD)).andExpect(authenticated());
	}

	private Cookie[] logIn(String email, String password) throws Exception {
		return mvc.perform(formLogin().user(email).password(password)).andExpect(authenticated()).andReturn()
			.getResponse().getCookies();
	}
}
