package io.reelgate.notifications;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.reelgate.accounts.AccountService;
import io.reelgate.accounts.AccountView;
import io.reelgate.catalog.BundleDetails;
import io.reelgate.catalog.BundleSummary;
import io.reelgate.catalog.Catalog;
import io.reelgate.checkout.GiftPurchased;
import io.reelgate.checkout.OrderPaid;
import io.reelgate.checkout.OrderView;
import io.reelgate.checkout.PaidOrders;
import io.reelgate.shared.Money;
import io.reelgate.shared.PublicUrlProperties;

import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Emails the buyer a receipt with a link to their library once an order is paid, or a free bundle claimed.
 * <p>
 * Runs asynchronously after the order's transaction has committed, so the buyer's request never waits for SMTP and
 * no mail goes out for an order that rolled back. The event publication registry records the event in the order's
 * transaction and marks this listener's publication complete only when {@link #on} returns: if the mail cannot be
 * sent (SMTP down, a bug here), the publication stays incomplete and is delivered again on the next start
 * ({@code spring.modulith.events.republish-outstanding-events-on-restart}). Fulfilment does not depend on it: the
 * entitlement is granted by a different listener with a publication of its own. The price of that retry is that a
 * crash between sending and completing sends the receipt twice.
 * <p>
 * No transaction around the method ({@code NOT_SUPPORTED}): each lookup runs in its service's own short read-only
 * transaction, so no database connection is held while talking to the SMTP server.
 */
@Component
class ReceiptSender {

	/** Accounts do not store a language yet, and every message is English. */
	private static final Locale LOCALE = Locale.ENGLISH;

	/** Release moments are stored in UTC, and pages and mails show them so. */
	static final DateTimeFormatter RELEASE = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", LOCALE)
		.withZone(ZoneOffset.UTC);

	private final PaidOrders orders;

	private final AccountService accounts;

	private final Catalog catalog;

	private final MailTemplates templates;

	private final MessageSource messages;

	private final PublicUrlProperties site;

	private final Mailer mailer;

	ReceiptSender(PaidOrders orders, AccountService accounts, Catalog catalog, MailTemplates templates,
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
	void on(OrderPaid event) {
		// The event is published in the transaction that pays the order, so all three exist once it committed.
		OrderView order = orders.find(event.orderId())
			.orElseThrow(() -> new IllegalStateException("No paid order " + event.orderId()));
		AccountView buyer = accounts.find(event.buyer())
			.orElseThrow(() -> new IllegalStateException("No account " + event.buyer()));
		if (buyer.deleted()) {
			return;
		}
		BundleDetails bundle = catalog.purchased(List.of(event.bundle())).get(event.bundle());
		if (bundle == null) {
			throw new IllegalStateException("No bundle " + event.bundle());
		}
		mailer.send(receipt(order, buyer, bundle.summary()));
	}

	/**
	 * The buyer's receipt for a gift: what was paid and that the recipient was sent a link to claim it (the claim
	 * link itself is mailed by the library, so its token never enters the event publication table).
	 */
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
		Map<String, Object> variables = variables(order, buyer, bundle.summary());
		variables.put("recipient", event.recipientEmail());
		String subject = messages.getMessage("gift.receipt.subject", new Object[] { bundle.summary().title() },
				LOCALE);
		mailer.send(new Mail(buyer.email(), subject, templates.render("gift-receipt", LOCALE, variables)));
	}

	private Mail receipt(OrderView order, AccountView buyer, BundleSummary bundle) {
		Map<String, Object> variables = variables(order, buyer, bundle);
		variables.put("rentalHours", order.rentalHours());
		variables.put("releaseAt", bundle.isPreOrder() ? RELEASE.format(bundle.releaseAt()) : null);
		String subject = messages.getMessage(order.amount() == null ? "receipt.subject.free" : "receipt.subject.paid",
				new Object[] { bundle.title() }, LOCALE);
		return new Mail(buyer.email(), subject, templates.render("receipt", LOCALE, variables));
	}

	private Map<String, Object> variables(OrderView order, AccountView buyer, BundleSummary bundle) {
		Money amount = order.gross();
		Map<String, Object> variables = new HashMap<>();
		// The tax is shown apart (as receipts for VAT must), with the country it was computed for.
		variables.put("net", order.taxed() ? order.net().display(LOCALE) : null);
		variables.put("tax", order.taxed() ? order.tax().display(LOCALE) : null);
		variables.put("taxCountry", order.taxCountry() == null ? "" : order.taxCountry());
		variables.put("buyer", buyer.displayName());
		variables.put("title", bundle.title());
		variables.put("creator", bundle.creatorName());
		variables.put("amount", amount == null ? null : amount.display(LOCALE));
		variables.put("libraryUrl", site.link("/library"));
		variables.put("orderId", order.id().toString());
		variables.put("orderUrl", site.link("/orders/" + order.id()));
		return variables;
	}
}
