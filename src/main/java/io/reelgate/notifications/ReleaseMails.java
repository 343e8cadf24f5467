package io.reelgate.notifications;

import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import io.reelgate.accounts.AccountService;
import io.reelgate.accounts.AccountView;
import io.reelgate.catalog.BundleReleased;
import io.reelgate.catalog.ReleaseMoved;
import io.reelgate.checkout.PaidOrders;
import io.reelgate.shared.AccountId;
import io.reelgate.shared.BundleId;
import io.reelgate.shared.PublicUrlProperties;

import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Tells every buyer of a pre-order that it is out, and when its release moves. The catalog announces each release
 * once; like the receipt, a failure leaves the publication incomplete for a retry, which mails again whoever was
 * mailed before the failure. No transaction around it, so no connection is held while talking to SMTP.
 */
@Component
class ReleaseMails {

	private static final Locale LOCALE = Locale.ENGLISH;

	private final PaidOrders orders;

	private final AccountService accounts;

	private final MailTemplates templates;

	private final MessageSource messages;

	private final PublicUrlProperties site;

	private final Mailer mailer;

	ReleaseMails(PaidOrders orders, AccountService accounts, MailTemplates templates, MessageSource messages,
			PublicUrlProperties site, Mailer mailer) {
		this.orders = orders;
		this.accounts = accounts;
		this.templates = templates;
		this.messages = messages;
		this.site = site;
		this.mailer = mailer;
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(BundleReleased event) {
		String subject = messages.getMessage("release.mail.subject", new Object[] { event.title() }, LOCALE);
		mailBuyers(event.bundle(), buyer -> mail(buyer, event, subject));
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(ReleaseMoved event) {
		String subject = messages.getMessage("release.moved.mail.subject",
				new Object[] { event.title(), ReceiptSender.RELEASE.format(event.to()) }, LOCALE);
		mailBuyers(event.bundle(), buyer -> mail(buyer, event, subject));
	}

	/** Every buyer with a paid order whose account still exists. */
	private void mailBuyers(BundleId bundle, Function<AccountView, Mail> mail) {
		for (AccountId buyer : orders.buyersOf(bundle)) {
			accounts.find(buyer).filter(a -> !a.deleted()).ifPresent(account -> mailer.send(mail.apply(account)));
		}
	}

	private Mail mail(AccountView buyer, BundleReleased event, String subject) {
		String text = templates.render("released", LOCALE, Map.of("buyer", buyer.displayName(), "title",
				event.title(), "libraryUrl", site.link("/library")));
		return new Mail(buyer.email(), subject, text);
	}

	private Mail mail(AccountView buyer, ReleaseMoved event, String subject) {
		String text = templates.render("release-moved", LOCALE, Map.of("buyer", buyer.displayName(), "title",
				event.title(), "date", ReceiptSender.RELEASE.format(event.to()), "was",
				ReceiptSender.RELEASE.format(event.from()), "bundleUrl", site.link("/bundles/" + event.bundle())));
		return new Mail(buyer.email(), subject, text);
	}
}
