package io.reelgate.notifications;

import java.time.Duration;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.shared.BundleId;
import io.reelgate.support.Fixtures;
import io.reelgate.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/** Without {@code spring.mail.host} (the shared test context has none) receipts are written to the log. */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class LoggedReceiptTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Test
	void withoutAnSmtpHostTheLoggingMailerIsActive() {
		assertThat(context.getBean(Mailer.class)).isInstanceOf(LoggingMailer.class);
		assertThat(context.getBeanProvider(JavaMailSender.class).getIfAvailable()).isNull();
	}

	@Test
	void withoutAnSmtpHostTheReceiptIsWrittenToTheLog(CapturedOutput output) throws Exception {
		AccountPrincipal buyer = fixtures.viewer();
		String title = Fixtures.unique("Logged receipt");
		BundleId bundle = fixtures.published(fixtures.creator(), title, "film".getBytes());

		mvc.perform(post("/checkout/{id}", bundle).with(user(buyer)).with(csrf())).andExpect(redirectedUrl("/library"));

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(output.getOut())
			.contains("To: " + buyer.email())
			.contains("Subject: \u201c" + title + "\u201d is in your library")
			.contains("http://localhost:8080/library"));
	}
}
