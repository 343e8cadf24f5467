package io.reelgate.notifications;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import io.reelgate.accounts.AccountService;
import io.reelgate.accounts.AccountView;
import io.reelgate.shared.AccountId;
import io.reelgate.shared.PublicUrlProperties;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Mails a gift's claim link to its recipient. Called directly rather than through an event, like
 * {@link EmailGateMails}: the mail carries the only copy of the token, which must never reach the database.
 */
@Component
public class GiftMails {

	private static final Locale LOCALE = Locale.ENGLISH;

	private final MailTemplates templates;

	private final MessageSource messages;

	private final PublicUrlProperties site;

	private final AccountService accounts;

	private final Mailer mailer;

	GiftMails(MailTemplates templates, MessageSource messages, PublicUrlProperties site, AccountService accounts,
			Mailer mailer) {
		this.templates = templates;
		this.messages = messages;
		this.site = site;
		this.accounts = accounts;
		this.mailer = mailer;
	}

	/**
	 * @param claimPath the site path the link points to, with the token in it
	 * @param message the buyer's note, plain text
	 */
	public void sendClaimLink(String to, AccountId buyer, String title, String creator, @Nullable String message,
			String claimPath, long validDays) {
		String from = accounts.find(buyer).map(AccountView::displayName).orElse("");
		Map<String, Object> variables = new HashMap<>();
		variables.put("from", from);
		variables.put("title", title);
		variables.put("creator", creator);
		variables.put("message", message);
		variables.put("claimUrl", site.link(claimPath));
		variables.put("validDays", validDays);
		String subject = messages.getMessage("gift.mail.subject", new Object[] { from, title }, LOCALE);
		mailer.send(new Mail(to, subject, templates.render("gift", LOCALE, variables)));
	}
}
