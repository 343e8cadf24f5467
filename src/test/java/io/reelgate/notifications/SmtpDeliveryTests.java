package io.reelgate.notifications;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real SMTP delivery, without a Spring context: the mailer {@link MailConfiguration} picks when a
 * {@link JavaMailSender} exists hands each mail to an in-process GreenMail server with the configured sender, the
 * recipient, the subject and the text intact. Every other mail test reads the shared context's {@link SentMails}.
 */
class SmtpDeliveryTests {

	@RegisterExtension
	static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
		.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());

	@Test
	void withAMailSenderTheConfigurationPicksSmtpAndWithoutOneTheLog() {
		MailProperties properties = new MailProperties("Reelgate Tests <receipts@reelgate.test>", false);

		assertThat(new MailConfiguration().mailer(senders(smtpSender()), properties)).isInstanceOf(SmtpMailer.class);
		assertThat(new MailConfiguration().mailer(senders(null), properties)).isInstanceOf(LoggingMailer.class);
	}

	@Test
	void aMailArrivesOverSmtpWithTheConfiguredSenderSubjectAndText() throws Exception {
		MailProperties properties = new MailProperties("Reelgate Tests <receipts@reelgate.test>", false);
		Mailer mailer = new MailConfiguration().mailer(senders(smtpSender()), properties);

		mailer.send(new Mail("buyer@example.test", "Your receipt for \u201cN\u00f8rth\u201d",
				"Hi Ada,\n\nAmount paid: \u20ac19.99\nhttps://films.example.com/library\n"));

		MimeMessage[] received = smtp.getReceivedMessages();
		assertThat(received).hasSize(1);
		MimeMessage mail = received[0];
		assertThat(mail.getFrom()).containsExactly(new InternetAddress("Reelgate Tests <receipts@reelgate.test>"));
		assertThat(mail.getRecipients(Message.RecipientType.TO))
			.containsExactly(new InternetAddress("buyer@example.test"));
		assertThat(mail.getSubject()).isEqualTo("Your receipt for \u201cN\u00f8rth\u201d");
		assertThat(mail.getContent()).asString()
			.contains("Hi Ada,")
			.contains("Amount paid: \u20ac19.99")
			.contains("https://films.example.com/library");
	}

	private static JavaMailSender smtpSender() {
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost("127.0.0.1");
		sender.setPort(smtp.getSmtp().getPort());
		sender.setDefaultEncoding("UTF-8");
		return sender;
	}

	private static ObjectProvider<JavaMailSender> senders(JavaMailSender sender) {
		StaticListableBeanFactory beans = new StaticListableBeanFactory();
		if (sender != null) {
			beans.addBean("mailSender", sender);
		}
		return beans.getBeanProvider(JavaMailSender.class);
	}
}
