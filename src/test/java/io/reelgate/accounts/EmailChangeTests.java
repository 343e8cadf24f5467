package io.reelgate.accounts;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.reelgate.notifications.SentMails;
import io.reelgate.support.Fixtures;
import io.reelgate.support.IntegrationTest;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

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

/** Changing the address, and the session list of the account page. */
@IntegrationTest
class EmailChangeTests {

	private static final String PASSWORD = "a-long-enough-password";

	private static final Pattern SESSION_FORM = Pattern.compile("/account/sessions/([0-9a-f]{32})/logout");

	@Autowired
	MockMvc mvc;

	@Autowired
	SentMails mails;

	@Autowired
	Fixtures fixtures;

	@Autowired
	AccountService accounts;

	@Test
	void theNewAddressTakesEffectOnlyFromItsLinkAndTheOldAddressIsTold() throws Exception {
		AccountPrincipal viewer = fixtures.viewer();
		String newEmail = Fixtures.unique("moved") + "@example.test";
		Cookie[] here = logIn(viewer.email());
		Cookie[] elsewhere = logIn(viewer.email());

		change(here, "a-wrong-password", newEmail).andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("emailForm", "emailPassword", "account.password.wrong"));
		change(here, PASSWORD, newEmail).andExpect(redirectedUrl("/account"))
			.andExpect(flash().attribute("success", "account.email.sent"));

		String link = mails.latestLink(newEmail, "/email/verify");
		await().until(() -> mails.transcript().contains("To: " + viewer.email() + "\nSubject: A change of your Reelgate"
				+ " email address was requested"));
		assertThat(mails.transcript()).contains("asked to move it to the address " + newEmail);
		mvc.perform(formLogin().user(viewer.email()).password(PASSWORD)).andExpect(authenticated());

		confirm(link).andExpect(redirectedUrl("/login")).andExpect(flash().attribute("success", "email.changed"));

		assertThat(accounts.find(viewer.accountId()).orElseThrow().email()).isEqualTo(newEmail);
		assertThat(accounts.isEmailVerified(viewer.accountId())).isTrue();
		mvc.perform(get("/library").cookie(here)).andExpect(redirectedUrl("/login"));
		mvc.perform(get("/library").cookie(elsewhere)).andExpect(redirectedUrl("/login"));
		mvc.perform(formLogin().user(viewer.email()).password(PASSWORD)).andExpect(unauthenticated());
		mvc.perform(formLogin().user(newEmail).password(PASSWORD)).andExpect(authenticated());
		confirm(link).andExpect(status().isBadRequest());
	}

	@Test
	void anAddressOfAnotherAccountOrTheSameAddressIsRefused() throws Exception {
		AccountPrincipal viewer = fixtures.viewer();
		Cookie[] here = logIn(viewer.email());
		change(here, PASSWORD, fixtures.creator().email().toUpperCase())
			.andExpect(model().attributeHasFieldErrorCode("emailForm", "newEmail", "signup.email.taken"));
		change(here, PASSWORD, viewer.email())
			.andExpect(model().attributeHasFieldErrorCode("emailForm", "newEmail", "account.email.unchanged"));
		change(here, PASSWORD, "not-an-address").andExpect(model().attributeHasFieldErrors("emailForm", "newEmail"));
	}

	@Test
	void changingThePasswordCancelsAPendingChangeOfAddress() throws Exception {
		AccountPrincipal viewer = fixtures.viewer();
		String thief = Fixtures.unique("thief") + "@example.test";
		Cookie[] here = logIn(viewer.email());
		change(here, PASSWORD, thief).andExpect(flash().attribute("success", "account.email.sent"));
		String link = mails.latestLink(thief, "/email/verify");

		mvc.perform(post("/account/password").cookie(here).with(csrf()).param("currentPassword", PASSWORD)
			.param("newPassword", "a-brand-new-password")).andExpect(redirectedUrl("/account"));

		confirm(link).andExpect(status().isBadRequest());
		assertThat(accounts.find(viewer.accountId()).orElseThrow().email()).isEqualTo(viewer.email());
	}

	@Test
	void theAccountPageListsEverySessionAndLogsOutOneOfThem() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		Cookie[] here = logIn(creator.email());
		Cookie[] phone = logIn(creator.email());
		Cookie[] laptop = logIn(creator.email());

		String page = mvc.perform(get("/account").cookie(here)).andExpect(status().isOk())
			.andExpect(content().string(containsString("This session")))
			.andReturn().getResponse().getContentAsString();
		Matcher forms = SESSION_FORM.matcher(page);
		assertThat(forms.find()).isTrue();
		String first = forms.group(1);
		assertThat(forms.find()).isTrue();
		assertThat(forms.find()).as("no logout form for this session").isFalse();
		assertThat(page).doesNotContain(here[0].getValue());

		mvc.perform(post("/account/sessions/{handle}/logout", first).cookie(here).with(csrf()))
			.andExpect(flash().attribute("success", "account.session.ended"));
		int stillIn = (libraryStatus(phone) == 200 ? 1 : 0) + (libraryStatus(laptop) == 200 ? 1 : 0);
		assertThat(stillIn).isEqualTo(1);
		assertThat(libraryStatus(here)).isEqualTo(200);

		mvc.perform(post("/account/sessions/{handle}/logout", first).cookie(here).with(csrf()))
			.andExpect(flash().attribute("error", "account.session.gone"));
	}

	@Test
	void anotherAccountsSessionCannotBeLoggedOutByItsHandle() throws Exception {
		AccountPrincipal victim = fixtures.viewer();
		Cookie[] victimSession = logIn(victim.email());
		Cookie[] victimOther = logIn(victim.email());
		Matcher forms = SESSION_FORM.matcher(mvc.perform(get("/account").cookie(victimSession)).andReturn()
			.getResponse().getContentAsString());
		assertThat(forms.find()).isTrue();

		Cookie[] attacker = logIn(fixtures.viewer().email());
		mvc.perform(post("/account/sessions/{handle}/logout", forms.group(1)).cookie(attacker).with(csrf()))
			.andExpect(flash().attribute("error", "account.session.gone"));
		assertThat(libraryStatus(victimOther)).isEqualTo(200);
	}

	private int libraryStatus(Cookie[] session) throws Exception {
		return mvc.perform(get("/library").cookie(session)).andReturn().getResponse().getStatus();
	}

	private ResultActions change(Cookie[] session, String password, String newEmail) throws Exception {
		return mvc.perform(post("/account/email").cookie(session).with(csrf()).param("emailPassword", password)
			.param("newEmail", newEmail));
	}

	private ResultActions confirm(String link) throws Exception {
		return mvc.perform(post("/email/verify").with(csrf())
			.param("token", link.substring(link.indexOf("?token=") + "?token=".length())));
	}

	private Cookie[] logIn(String email) throws Exception {
		return mvc.perform(formLogin().user(email).password(PASSWORD)).andExpect(authenticated()).andReturn()
			.getResponse().getCookies();
	}
}
