package io.reelgate.notifications;

import java.time.Duration;
import java.util.Map;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.shared.BundleId;
import io.reelgate.support.Fixtures;
import io.reelgate.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * Without {@code spring.mail.host} (the shared test context has none) no mail is sent, and the log says only that a
 * mail to an address was not sent: mails carry account and gift links, which must not reach production logs.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class LoggedReceiptTests {

	private static final String RESET_LINK = "https://films.example.com/password/reset?token=" + "S".repeat(43);

	@Autowired
	ApplicationContext context;

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	SentMails mails;

	@Test
	void withoutAnSmtpHostTheLoggingMailerIsActiveAndMailContentsAreNotLoggedByDefault() {
		assertThat(context.getBean("mailer", Mailer.class)).isInstanceOf(LoggingMailer.class);
		assertThat(context.getBeanProvider(JavaMailSender.class).getIfAvailable()).isNull();
		assertThat(context.getBean(MailProperties.class).logContents()).isFalse();
	}

	@Test
	void withoutAnSmtpHostTheLogSaysTheReceiptWasNotSentWithoutItsText(CapturedOutput output) throws Exception {
		AccountPrincipal buyer = fixtures.viewer();
		String title = Fixtures.unique("Logged receipt");
		BundleId bundle = fixtures.published(fixtures.creator(), title, "film".getBytes());

		mvc.perform(post("/checkout/{id}", bundle).with(user(buyer)).with(csrf())).andExpect(redirectedUrl("/library"));

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(mails.transcript())
			.contains("To: " + buyer.email())
			.contains("Subject: \u201c" + title + "\u201d is in your library")
			.contains("http://localhost:8080/library"));
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(output.getOut())
			.contains("An email to " + buyer.email() + " was not sent"));
		assertThat(output.getOut()).doesNotContain(title + "\u201d is in your library")
			.doesNotContain("http://localhost:8080/library");
	}

	@Test
	void byDefaultTheLogWarnsAtStartAndNeverShowsAMailsLinks(CapturedOutput output) {
		Mailer mailer = new LoggingMailer("Reelgate <no-reply@reelgate.test>", false);
		mailer.send(new Mail("owner@example.test", "Reset your Reelgate password", "Open " + RESET_LINK));

		assertThat(output.getOut()).contains("No SMTP server is configured (spring.mail.host): emails are not sent")
			.contains("An email to owner@example.test was not sent")
			.doesNotContain(RESET_LINK)
			.doesNotContain("token=");
	}

	@Test
	void whenTheOperatorAsksTheWholeMailIsLoggedForDevelopment(CapturedOutput output) {
		Mailer mailer = new LoggingMailer("Reelgate <no-reply@reelgate.test>", true);
		mailer.send(new Mail("owner@example.test", "Reset your Reelgate password", "Open " + RESET_LINK));

		assertThat(output.getOut()).contains("reelgate.mail.log-contents")
			.contains("To: owner@example.test\nSubject: Reset your Reelgate password")
			.contains(RESET_LINK);
	}

	@Test
	void demoDataTurnsMailContentsInTheLogOnAndTheDefaultIsOff() throws Exception {
		assertThat(mailSettings(Map.of()).logContents()).isFalse();
		assertThat(mailSettings(Map.of("reelgate.demo", "true")).logContents()).isTrue();
		assertThat(mailSettings(Map.of("reelgate.demo", "true", "reelgate.mail.log-contents", "false")).logContents())
			.isFalse();
	}

	/** The settings as application.yml and the given overrides make them, without starting an application. */
	private static MailProperties mailSettings(Map<String, Object> overrides) throws Exception {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("overrides", overrides));
		for (PropertySource<?> source : new YamlPropertySourceLoader().load("application.yml",
				new ClassPathResource("application.yml"))) {
			environment.getPropertySources().addLast(source);
		}
		return Binder.get(environment).bindOrCreate("reelgate.mail", MailProperties.class);
	}
}
