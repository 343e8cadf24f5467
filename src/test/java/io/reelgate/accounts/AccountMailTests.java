package io.reelgate.accounts;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.reelgate.notifications.SentMails;
import io.reelgate.shared.PublicUrlProperties;
import io.reelgate.support.Fixtures;
import io.reelgate.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Account mails as people receive them (read from the shared context's {@code SentMails}): the links are absolute,
 * on the public address, and work.
 */
@IntegrationTest
class AccountMailTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	SentMails mails;

	@Autowired
	PublicUrlProperties publicUrl;

	@Autowired
	AccountService accounts;

	@Test
	void signingUpMailsAVerificationLinkThatVerifiesTheAccount() throws Exception {
		String email = Fixtures.unique("mailed") + "@example.test";
		mvc.perform(post("/signup").with(csrf()).param("email", email).param("displayName", "Mailed")
			.param("password", "a-long-enough-password").param("accountType", "CREATOR"))
			.andExpect(redirectedUrl("/studio"));

		SentMails.Received mail = theOnlyMailTo(email);
		assertThat(mail.subject()).isEqualTo("Confirm your email address for Reelgate");
		Matcher link = link().matcher(mail.text());
		assertThat(link.find()).isTrue();
		assertThat(link.group(1)).isEqualTo("/email/verify");

		mvc.perform(get("/email/verify").param("token", link.group(2))).andExpect(status().isOk());
		mvc.perform(post("/email/verify").with(csrf()).param("token", link.group(2)))
			.andExpect(flash().attribute("success", "email.verified"));
		assertThat(accounts.isEmailVerified(accounts.findByEmail(email).orElseThrow().id())).isTrue();
	}

	@Test
	void aPasswordResetMailCarriesAWorkingSingleUseLink() throws Exception {
		String email = Fixtures.unique("forgetful") + "@example.test";
		accounts.register(email, "Forgetful", "a-long-enough-password", Role.VIEWER);
		mvc.perform(post("/password/forgot").with(csrf()).param("email", email))
			.andExpect(redirectedUrl("/password/forgot"));

		SentMails.Received mail = theOnlyMailTo(email);
		assertThat(mail.subject()).isEqualTo("Choose a new password for Reelgate");
		Matcher link = link().matcher(mail.text());
		assertThat(link.find()).isTrue();
		assertThat(link.group(1)).isEqualTo("/password/reset");

		mvc.perform(post("/password/reset").with(csrf()).param("token", link.group(2))
			.param("newPassword", "remembered-at-last")).andExpect(redirectedUrl("/login"));
		mvc.perform(formLogin().user(email).password("remembered-at-last")).andExpect(authenticated());
	}

	/** A link with a token on the public address, capturing the path and the token. */
	private Pattern link() {
		return Pattern.compile(Pattern.quote(publicUrl.link("")) + "(/[a-z/]+)\\?token=([A-Za-z0-9_-]{43})");
	}

	private SentMails.Received theOnlyMailTo(String email) {
		await().atMost(Duration.ofSeconds(20)).until(() -> !mails.to(email).isEmpty());
		List<SentMails.Received> received = mails.to(email);
		assertThat(received).hasSize(1);
		return received.get(0);
	}
}
