package io.reelgate.notifications;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What Reelgate's emails say about themselves. The SMTP server is Spring Boot's {@code spring.mail.*}.
 *
 * @param from the sender, an address with an optional name such as {@code Reelgate <no-reply@example.com>};
 * checked at startup
 * @param logContents without an SMTP server, whether each mail's whole text is written to the log; off by default,
 * because mails carry password reset, verification and gift links that let whoever reads the log take over
 * accounts; on for development and demo data
 */
@ConfigurationProperties("reelgate.mail")
record MailProperties(@DefaultValue("Reelgate <no-reply@reelgate.local>") String from,
		@DefaultValue("false") boolean logContents) {

	MailProperties {
		try {
			new InternetAddress(from, true);
		}
		catch (AddressException ex) {
			throw new IllegalArgumentException("reelgate.mail.from is not an email address: " + from, ex);
		}
	}
}
