package io.reelgate.notifications;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.reelgate.accounts.AccountService;
import io.reelgate.accounts.AccountView;
import io.reelgate.catalog.BundleDetails;
import io.reelgate.catalog.Catalog;
import io.reelgate.checkout.GiftPurchased;
import io.reelgate.checkout.OrderView;
import io.reelgate.checkout.PaidOrders;

import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * The buyer's receipt for a gift: what was paid and that the recipient was sent a link to claim it. Delivered like
 * {@link ReceiptSender}'s receipts (after commit, retried from the event publication registry).
 */
@Component
class GiftReceiptSender {

	private static final Locale LOCALE = Locale.ENGLISH;

	private final PaidOrders orders;

	private final AccountService accounts;

	private final Catalog catalog;

	private final MailTemplates templates;

	private final MessageSource messages;

	private final PublicUrlProperties site;

	private final Mailer mailer;

	GiftReceiptSender(PaidOrders orders, AccountService accounts, Catalog catalog, MailTemplates templates,
			MessageSource messages, PublicUrlProperties site, Mailer mailer) {
		this.orders = orders;
		this.accounts = accounts;
		this.catalog = catalog;
		this.templates = templates;
		this.messages = messages;
		this.site = site;
		this.mailer = mailer;
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(GiftPurchased event) {
		OrderView order = orders.findInAnyState(event.orderId())
			.orElseThrow(() -> new IllegalStateException("No order " + event.orderId()));
		AccountView buyer = accounts.find(event.buyer())
			.orElseThrow(() -> new IllegalStateException("No account " + event.buyer()));
		BundleDetails bundle = catalog.purchased(List.of(event.bundle())).get(event.bundle());
		if (buyer.deleted() || bundle == null) {
			return;
		}
		Map<String, Object> variables = new HashMap<>();
		variables.put("buyer", buyer.displayName());
		variables.put("title", bundle.summary().title());
		variables.put("creator", bundle.summary().creatorName());
		variables.put("recipient", event.recipientEmail());
		variables.put("amount", order.amount() == null ? null : order.amount().display(LOCALE));
		variables.put("libraryUrl", site.link("/library"));
		variables.put("orderId", order.id().toString());
		String subject = messages.getMessage("gift.receipt.subject", new Object[] { bundle.summary().title() },
				LOCALE);
		mailer.send(new Mail(buyer.email(), subject, templates.render("gift-receipt", LOCALE, variables)));
	}
}
