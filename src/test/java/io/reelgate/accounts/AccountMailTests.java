package io.reelgate.accounts;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.reelgate.support.Fixtures;
import io.reelgate.support.TestSmtp;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
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
 * Account mails over real SMTP to an in-process GreenMail server, in a context of its own (like ReceiptMailTests):
 * the links people receive are absolute, on the public address, and work.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(Fixtures.class)
@DirtiesContext
class AccountMailTests {

	private static final Pattern LINK = Pattern.compile("https://films\\.example\\.com(/[a-z/]+)\\?token=([A-Za-z0-9_-]{43})");

	@RegisterExtension
	static final GreenMailExtension smtp = TestSmtp.server();

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
		registry.add("reelgate.public-url", () -> "https://films.example.com");
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountService accounts;

	@Test
	void signingUpMailsAVerificationLinkThatVerifiesTheAccount() throws Exception {
		String email = Fixtures.unique("mailed") + "@example.test";
		mvc.perform(post("/signup").with(csrf()).param("email", email).param("displayName", "Mailed")
			.param("password", "a-long-enough-password").param("accountType", "CREATOR"))
			.andExpect(redirectedUrl("/studio"));

		MimeMessage mail = theOnlyMailTo(email);
		assertThat(mail.getSubject()).isEqualTo("Confirm your email address for Reelgate");
		Matcher link = LINK.matcher((String) mail.getContent());
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

		MimeMessage mail = theOnlyMailTo(email);
		assertThat(mail.getSubject()).isEqualTo("Choose a new password for Reelgate");
		Matcher link = LINK.matcher((String) mail.getContent());
		assertThat(link.find()).isTrue();
		assertThat(link.group(1)).isEqualTo("/password/reset");

		mvc.perform(post("/password/reset").with(csrf()).param("token", link.group(2))
			.param("newPassword", "remembered-at-last")).andExpect(redirectedUrl("/login"));
		mvc.perform(formLogin().user(email).password("remembered-at-last")).andExpect(authenticated());
	}

	private static MimeMessage theOnlyMailTo(String email) {
		await().atMost(Duration.ofSeconds(20)).until(() -> !mailsTo(email).isEmpty());
		List<MimeMessage> mails = mailsTo(email);
		assertThat(mails).hasSize(1);
		return mails.get(0);
	}

	private static List<MimeMessage> mailsTo(String email) {
		return Arrays.stream(smtp.getReceivedMessages()).filter(message -> {
			try {
				return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
					.anyMatch(a -> a.toString().equalsIgnoreCase(email));
			}
			catch (jakarta.mail.MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}
}
