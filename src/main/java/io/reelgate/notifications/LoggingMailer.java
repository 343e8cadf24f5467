package io.reelgate.notifications;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mailer used when no SMTP server is configured: writes each mail to the log at INFO instead of sending it,
 * so the application works on a fresh machine and a developer can still read what would have been sent.
 */
class LoggingMailer implements Mailer {

	private static final Logger log = LoggerFactory.getLogger(LoggingMailer.class);

	private final String from;

	LoggingMailer(String from) {
		this.from = from;
		log.warn("No SMTP server is configured (spring.mail.host): emails are written to the log, not sent.");
	}

	@Override
	public void send(Mail mail) {
		log.info("Email not sent (no SMTP server configured)\nFrom: {}\nTo: {}\nSubject: {}\n\n{}", from, mail.to(),
				mail.subject(), mail.text());
	}
}
