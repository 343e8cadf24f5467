package io.reelgate.notifications;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import io.reelgate.accounts.AccountMailer;
import io.reelgate.shared.PublicUrlProperties;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The account's own mails (verify an address, reset a password, a change of address), sent for the accounts
 * module from its event listeners, which run after the request committed.
 */
@Component
class AccountMails implements AccountMailer {

	private static final Locale LOCALE = Locale.ENGLISH;

	private final MailTemplates templates;

	private final MessageSource messages;

	private final PublicUrlProperties site;

	private final Mailer mailer;

	AccountMails(MailTemplates templates, MessageSource messages, PublicUrlProperties site, Mailer mailer) {
		this.templates = templates;
		this.messages = messages;
		this.site = site;
		this.mailer = mailer;
	}

	@Override
	public void confirmAddress(String to, String displayName, String path, String token, boolean newAddress) {
		String key = newAddress ? "accountMail.changeEmail" : "accountMail.verify";
		send(to, key, displayName, site.link(path, token));
	}

	@Override
	public void resetPassword(String to, String displayName, String path, String token) {
		send(to, "accountMail.reset", displayName, site.link(path, token));
	}

	@Override
	public void addressChangeRequested(String to, String displayName, String newEmail) {
		send(to, "accountMail.changeNotice", displayName, null, newEmail);
	}

	@Override
	public void securityAlert(String to, String displayName, String kind, Instant at, @Nullable String clientAddress) {
		String when = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", LOCALE).format(at.atOffset(ZoneOffset.UTC));
		String key = "accountMail.alert." + kind;
		Map<String, Object> variables = new HashMap<>();
		variables.put("name", displayName);
		variables.put("text", message(key + ".text", when, clientAddress == null ? "?" : clientAddress));
		variables.put("link", site.link("/account"));
		variables.put("footnote", message("accountMail.alert.footnote"));
		mailer.send(new Mail(to, message(key + ".subject"), templates.render("account", LOCALE, variables)));
	}

	private void send(String to, String key, String name, @Nullable String link, Object... arguments) {
		Map<String, Object> variables = new HashMap<>();
		variables.put("name", name);
		variables.put("text", message(key + ".text", arguments));
		variables.put("link", link);
		variables.put("footnote", message(key + ".footnote"));
		mailer.send(new Mail(to, message(key + ".subject"), templates.render("account", LOCALE, variables)));
	}

	private String message(String key, Object... arguments) {
		return messages.getMessage(key, arguments, LOCALE);
	}
}
