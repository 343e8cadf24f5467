package io.reelgate.accounts;

import io.reelgate.support.Fixtures;
import io.reelgate.support.IntegrationTest;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static io.reelgate.accounts.TwoFactorSignInTests.PASSWORD;
import static io.reelgate.accounts.TwoFactorSignInTests.awayFromAStepBoundary;
import static io.reelgate.accounts.TwoFactorSignInTests.base32;
import static io.reelgate.accounts.TwoFactorSignInTests.code;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/** Logging in and signing up go back to the page that sent the visitor, and only to a page of this site. */
@IntegrationTest
class LoginReturnTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@BeforeEach
	void keepClearOfAStepBoundary() throws InterruptedException {
		awayFromAStepBoundary();
	}

	/** A login form post that carries a target, as the form does when a page sent the visitor. */
	static MockHttpServletRequestBuilder logIn(String email, String next) {
		return post("/login").with(csrf()).param("username", email).param("password", PASSWORD).param("next", next);
	}

	@Test
	void theLoginFormCarriesOnlyALocalTarget() throws Exception {
		mvc.perform(get("/login").param("next", "/bundles/abc"))
			.andExpect(content().string(containsString("name=\"next\" value=\"/bundles/abc\"")))
			.andExpect(content().string(containsString("/signup?next=/bundles/abc")));
		mvc.perform(get("/login").param("next", "https://evil.example/"))
			.andExpect(content().string(not(containsString("evil.example"))));
	}

	@Test
	void loggingInGoesBackToThePageThatSentTheVisitorButNeverToAnotherSite() throws Exception {
		AccountPrincipal viewer = fixtures.viewer();
		mvc.perform(logIn(viewer.email(), "/library?x=1"))
			.andExpect(redirectedUrl("/library?x=1"));
		mvc.perform(logIn(viewer.email(), "//evil.example/"))
			.andExpect(redirectedUrl("/"));
		mvc.perform(logIn(viewer.email(), "https://evil.example/"))
			.andExpect(redirectedUrl("/"));
	}

	@Test
	void signingUpGoesBackToThePageThatSentTheVisitor() throws Exception {
		mvc.perform(post("/signup").with(csrf()).param("email", Fixtures.unique("back") + "@example.test")
			.param("displayName", "Back Again").param("password", PASSWORD).param("accountType", "VIEWER")
			.param("next", "/library")).andExpect(redirectedUrl("/library"));
		mvc.perform(post("/signup").with(csrf()).param("email", Fixtures.unique("back") + "@example.test")
			.param("displayName", "Back Again").param("password", PASSWORD).param("accountType", "VIEWER")
			.param("next", "//evil.example")).andExpect(redirectedUrl("/"));
	}

	@Test
	void theTargetWaitsForTheSecondFactor() throws Exception {
		AccountPrincipal viewer = fixtures.viewer();
		Cookie[] session = mvc.perform(formLogin().user(viewer.email()).password(PASSWORD)).andReturn().getResponse()
			.getCookies();
		MvcResult setup = mvc.perform(get("/account/two-factor/setup").cookie(session)).andReturn();
		byte[] secret = base32((String) setup.getModelAndView().getModel().get("secret"));
		mvc.perform(post("/account/two-factor/setup").cookie(session).with(csrf()).param("code", code(secret, -1)));

		Cookie[] next = mvc.perform(logIn(viewer.email(), "/library"))
			.andExpect(redirectedUrl("/login/second-factor")).andReturn().getResponse().getCookies();
		mvc.perform(post("/login/second-factor").cookie(next).with(csrf()).param("code", code(secret, 0)))
			.andExpect(redirectedUrl("/library"));
	}
}
