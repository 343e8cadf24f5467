package io.reelgate.notifications;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import io.reelgate.shared.PublicUrlProperties;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Mails a collaborator's invitation link. Called directly rather than through an event, like {@link GiftMails}: the
 * mail carries the only copy of the token.
 */
@Component
public class CollaboratorMails {

	private static final Locale LOCALE = Locale.ENGLISH;

	private final MailTemplates templates;

	private final MessageSource messages;

	private final PublicUrlProperties site;

	private final Mailer mailer;

	CollaboratorMails(MailTemplates templates, MessageSource messages, PublicUrlProperties site, Mailer mailer) {
		this.templates = templates;
		this.messages = messages;
		this.site = site;
		this.mailer = mailer;
	}

	/** @param path the site path of the invitation, with the token in it */
	public void sendInvitation(String to, String creator, String title, String percent, String path) {
		Map<String, Object> variables = new HashMap<>();
		variables.put("creator", creator);
		variables.put("title", title);
		variables.put("percent", percent);
		variables.put("url", site.link(path));
		String subject = messages.getMessage("collaborators.mail.subject", new Object[] { creator, title }, LOCALE);
		mailer.send(new Mail(to, subject, templates.render("collaborator-invitation", LOCALE, variables)));
	}
}
