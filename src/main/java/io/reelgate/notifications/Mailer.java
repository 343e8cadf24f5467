package io.reelgate.notifications;

/**
 * Sends mail: through SMTP when {@code spring.mail.host} is set, otherwise into the log (see
 * {@link MailConfiguration}). Throws when the mail could not be handed over, so the caller's event publication
 * stays incomplete and is retried.
 */
interface Mailer {

	void send(Mail mail);
}
