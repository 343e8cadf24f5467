package io.reelgate.accounts;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import io.reelgate.notifications.SentMails;
import io.reelgate.support.Fixtures;
import io.reelgate.support.IntegrationTest;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static io.reelgate.accounts.TwoFactorSignInTests.PASSWORD;
import static io.reelgate.accounts.TwoFactorSignInTests.awayFromAStepBoundary;
import static io.reelgate.accounts.TwoFactorSignInTests.base32;
import static io.reelgate.accounts.TwoFactorSignInTests.code;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

@IntegrationTest
class SecurityAlertTests {

	private static final String NEW_SIGN_IN = "New sign-in to your Reelgate account";

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	SentMails mails;

	@BeforeEach
	void keepClearOfAStepBoundary() throws InterruptedException {
		awayFromAStepBoundary();
	}

	@Test
	void aSignInFromANewBrowserIsMailedToTheOwnerAndOneFromAKnownBrowserIsNot() throws Exception {
		AccountPrincipal viewer = fixtures.viewer();
		Cookie[] first = mvc.perform(formLogin().user(viewer.email()).password(PASSWORD))
			.andReturn().getResponse().getCookies();
		await().atMost(Duration.ofSeconds(20)).until(() -> subjects(viewer.email()).contains(NEW_SIGN_IN));
		SentMails.Received alert = mails.to(viewer.email()).stream()
			.filter(m -> m.subject().equals(NEW_SIGN_IN)).findFirst().orElseThrow();
		assertThat(alert.text()).contains("had not signed in as you before", "/account");

		Cookie device = Arrays.stream(first).filter(c -> c.getName().equals(KnownDevices.COOKIE)).findFirst()
			.orElseThrow();
		mvc.perform(post("/login").with(csrf()).param("username", viewer.email()).param("password", PASSWORD)
			.cookie(device));
		// A third sign-in, from another new browser, is mailed: once it arrives the known browser's would have too.
		mvc.perform(formLogin().user(viewer.email()).password(PASSWORD));
		await().atMost(Duration.ofSeconds(20))
			.until(() -> subjects(viewer.email()).stream().filter(NEW_SIGN_IN::equals).count() >= 2);
		Thread.sleep(1_000);
		assertThat(subjects(viewer.email()).stream().filter(NEW_SIGN_IN::equals).count()).isEqualTo(2);
	}

	@Test
	void switchingTwoFactorSignInOnIsMailedAndListedOnTheAccountPage() throws Exception {
		AccountPrincipal viewer = fixtures.viewer();
		Cookie[] session = mvc.perform(formLogin().user(viewer.email()).password(PASSWORD)).andReturn().getResponse()
			.getCookies();
		MvcResult setup = mvc.perform(get("/account/two-factor/setup").cookie(session)).andReturn();
		byte[] secret = base32((String) setup.getModelAndView().getModel().get("secret"));
		mvc.perform(post("/account/two-factor/setup").cookie(session).with(csrf()).param("code", code(secret, -1)));

		await().atMost(Duration.ofSeconds(20))
			.until(() -> subjects(viewer.email()).contains("Two-factor sign-in is on for your Reelgate account"));
		assertThat(subjects(viewer.email())).doesNotContain("A recovery code was used on your Reelgate account");
	}

	@Test
	void aWrongPasswordIsNotASignInAndMailsNothing() throws Exception {
		AccountPrincipal viewer = fixtures.viewer();
		mvc.perform(formLogin().user(viewer.email()).password("not-the-password"));
		mvc.perform(formLogin().user(viewer.email()).password(PASSWORD));
		await().atMost(Duration.ofSeconds(20)).until(() -> subjects(viewer.email()).contains(NEW_SIGN_IN));
		Thread.sleep(1_000);
		assertThat(subjects(viewer.email()).stream().filter(NEW_SIGN_IN::equals).count()).isEqualTo(1);
	}

	@Test
	void aChangedPasswordIsMailedToTheOwner() throws Exception {
		AccountPrincipal viewer = fixtures.viewer();
		Cookie[] session = mvc.perform(formLogin().user(viewer.email()).password(PASSWORD)).andReturn().getResponse()
			.getCookies();
		mvc.perform(post("/account/password").cookie(session).with(csrf()).param("currentPassword", "a-wrong-guess")
			.param("newPassword", "a-brand-new-password"));
		mvc.perform(post("/account/password").cookie(session).with(csrf()).param("currentPassword", PASSWORD)
			.param("newPassword", "a-brand-new-password"));
		String changed = "The password of your Reelgate account was changed";
		await().atMost(Duration.ofSeconds(20)).until(() -> subjects(viewer.email()).contains(changed));
		Thread.sleep(1_000);
		assertThat(subjects(viewer.email()).stream().filter(changed::equals).count()).isEqualTo(1);
	}

	private List<String> subjects(String to) {
		return mails.to(to).stream().map(SentMails.Received::subject).toList();
	}
}
