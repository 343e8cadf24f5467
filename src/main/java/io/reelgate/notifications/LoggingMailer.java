package io.reelgate.notifications;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mailer used when no SMTP server is configured, so the application works on a fresh machine. By default it
 * logs only that a mail to an address was not sent: mails carry password reset, verification, change-of-address and
 * gift links, and anyone who reads production logs could use them. With {@code reelgate.mail.log-contents} (for
 * development and demo data) it writes each mail's whole text to the log at INFO, so a developer can follow the
 * links.
 */
class LoggingMailer implements Mailer {

	private static final Logger log = LoggerFactory.getLogger(LoggingMailer.class);

	private final String from;

	private final boolean logContents;

	LoggingMailer(String from, boolean logContents) {
		this.from = from;
		this.logContents = logContents;
		if (logContents) {
			log.warn("No SMTP server is configured (spring.mail.host): emails are not sent, and their whole text, "
					+ "links included, is written to the log (reelgate.mail.log-contents). Never do this in "
					+ "production.");
		}
		else {
			log.warn("No SMTP server is configured (spring.mail.host): emails are not sent. Nobody receives "
					+ "receipts, password resets or gifts until spring.mail.host is set.");
		}
	}

	@Override
	public void send(Mail mail) {
		if (logContents) {
			log.info("Email not sent (no SMTP server configured)\nFrom: {}\nTo: {}\nSubject: {}\n\n{}", from, mail.to(),
					mail.subject(), mail.text());
		}
		else {
			log.info("An email to {} was not sent: no SMTP server is configured (spring.mail.host)", mail.to());
		}
	}
}
