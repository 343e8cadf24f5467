package io.reelgate.notifications;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.reelgate.accounts.AccountService;
import io.reelgate.accounts.AccountView;
import io.reelgate.catalog.Catalog;
import io.reelgate.checkout.OrderRevoked;
import io.reelgate.checkout.OrderView;
import io.reelgate.checkout.PaidOrders;
import io.reelgate.moderation.CreatorNotice;
import io.reelgate.moderation.ReportOutcome;
import io.reelgate.shared.AccountId;
import io.reelgate.shared.PublicUrlProperties;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Tells creators about moderation actions on their bundles or account, with the admin's reason, and tells people
 * who reported a bundle what became of it, and buyers of a removed bundle that it was removed and refunded. Like {@link ReceiptSender}: after the action committed, asynchronously,
 * retried on the next start if the mail could not be sent.
 */
@Component
class ModerationMails {

	private static final Locale LOCALE = Locale.ENGLISH;

	private final AccountService accounts;

	private final MailTemplates templates;

	private final MessageSource messages;

	private final PublicUrlProperties site;

	private final Mailer mailer;

	private final PaidOrders orders;

	private final Catalog catalog;

	ModerationMails(AccountService accounts, MailTemplates templates, MessageSource messages, PublicUrlProperties site,
			Mailer mailer, PaidOrders orders, Catalog catalog) {
		this.orders = orders;
		this.catalog = catalog;
		this.accounts = accounts;
		this.templates = templates;
		this.messages = messages;
		this.site = site;
		this.mailer = mailer;
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(CreatorNotice notice) {
		AccountView creator = account(notice.creator());
		if (creator.deleted()) {
			return;
		}
		String key = "moderationMail.creator." + notice.kind();
		mailer.send(mail(creator.email(), message(key + ".subject", notice.subject()), creator.displayName(),
				message(key + ".text", notice.subject()), notice.reason(),
				new Link("moderationMail.studio", site.link("/studio"))));
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(ReportOutcome outcome) {
		String key = (outcome.about() == ReportOutcome.About.CREATOR ? "moderationMail.report.creator."
				: "moderationMail.report.") + outcome.outcome();
		String subject = message("moderationMail.report.subject", outcome.subject());
		String text = message(key, outcome.subject());
		for (AccountId reporter : outcome.reporters()) {
			AccountView account = account(reporter);
			if (account.deleted()) {
				continue;
			}
			mailer.send(mail(account.email(), subject, account.displayName(), text, outcome.reason(), null));
		}
		for (String contact : outcome.contacts()) {
			mailer.send(mail(contact, subject, null, text, outcome.reason(), null));
		}
	}

	/** Tells each buyer of a removed bundle that it is gone from their library, and what they got back. */
	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(OrderRevoked event) {
		if (event.reason() != OrderRevoked.Reason.REMOVED) {
			return;
		}
		OrderView order = orders.findRefunded(event.orderId())
			.orElseThrow(() -> new IllegalStateException("No refunded order " + event.orderId()));
		AccountView buyer = account(event.buyer());
		String title = catalog.titles(List.of(event.bundle())).getOrDefault(event.bundle(), "");
		String text = order.amount() == null ? message("moderationMail.buyer.REMOVED.free", title)
				: message("moderationMail.buyer.REMOVED.paid", title, order.amount().display(LOCALE));
		mailer.send(mail(buyer.email(), message("moderationMail.buyer.REMOVED.subject", title), buyer.displayName(),
				text, null, new Link("moderationMail.library", site.link("/library"))));
	}

	private AccountView account(AccountId id) {
		return accounts.find(id).orElseThrow(() -> new IllegalStateException("No account " + id));
	}

	private Mail mail(String to, String subject, @Nullable String name, String text, @Nullable String reason,
			@Nullable Link link) {
		Map<String, Object> variables = new HashMap<>();
		variables.put("name", name);
		variables.put("text", text);
		variables.put("reason", reason);
		variables.put("link", link == null ? null : link.url());
		variables.put("linkText", link == null ? null : message(link.label()));
		return new Mail(to, subject, templates.render("moderation", LOCALE, variables));
	}

	private String message(String key, Object... arguments) {
		return messages.getMessage(key, arguments, LOCALE);
	}

	/** A link at the end of a mail, with the message key of the line introducing it. */
	private record Link(String label, String url) {
	}
}
