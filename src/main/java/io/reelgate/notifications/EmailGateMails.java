package io.reelgate.notifications;

import java.util.Locale;
import java.util.Map;

import io.reelgate.shared.PublicUrlProperties;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Sends the double opt-in mail of an email gate. Called directly, after the request is saved, rather than through
 * an event: the mail carries the only copy of the confirmation token, which must never be written to the database
 * (the event publication registry would keep it). If SMTP fails the viewer sees an error and simply asks again.
 */
@Component
public class EmailGateMails {

	private static final Locale LOCALE = Locale.ENGLISH;

	private final MailTemplates templates;

	private final MessageSource messages;

	private final PublicUrlProperties site;

	private final Mailer mailer;

	EmailGateMails(MailTemplates templates, MessageSource messages, PublicUrlProperties site, Mailer mailer) {
		this.templates = templates;
		this.messages = messages;
		this.site = site;
		this.mailer = mailer;
	}

	/** @param confirmPath the site path the link points to, with the token in it */
	public void sendConfirmation(String to, String title, String creator, String confirmPath, long validHours) {
		String subject = messages.getMessage("emailGate.mail.subject", new Object[] { title }, LOCALE);
		String text = templates.render("email-unlock", LOCALE, Map.of("title", title, "creator", creator,
				"confirmUrl", site.link(confirmPath), "validHours", validHours));
		mailer.send(new Mail(to, subject, text));
	}
}
