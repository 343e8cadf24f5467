package io.reelgate.notifications;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

@Configuration(proxyBeanMethods = false)
class MailConfiguration {

	/**
	 * SMTP when Spring Boot made a {@link JavaMailSender} (it does so exactly when {@code spring.mail.host} is
	 * set), otherwise the log (the whole mail only if {@code reelgate.mail.log-contents} says so). Asking for the sender here, rather than repeating Boot's condition, keeps the two
	 * from disagreeing.
	 */
	@Bean
	Mailer mailer(ObjectProvider<JavaMailSender> smtp, MailProperties properties) {
		JavaMailSender sender = smtp.getIfAvailable();
		return sender != null ? new SmtpMailer(sender, properties.from()) : new LoggingMailer(properties.from(), properties.logContents());
	}
}
