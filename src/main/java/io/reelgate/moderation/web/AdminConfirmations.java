package io.reelgate.moderation.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import io.reelgate.accounts.AccountNotFoundException;
import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.accounts.AccountService;
import io.reelgate.accounts.AccountStatus;
import io.reelgate.accounts.AccountView;
import io.reelgate.catalog.BundleSummary;
import io.reelgate.catalog.Catalog;
import io.reelgate.catalog.Catalog.Viewer;
import io.reelgate.checkout.OrderView;
import io.reelgate.checkout.RefundConfirmation;
import io.reelgate.checkout.Refunds;
import io.reelgate.checkout.RemovalRefunds;
import io.reelgate.checkout.RemovalRefunds.Consequence;
import io.reelgate.shared.AccountId;
import io.reelgate.shared.BundleId;
import io.reelgate.shared.Confirmation;
import io.reelgate.shared.Confirmation.Line;
import io.reelgate.shared.OrderId;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The admin's actions that cannot be undone, each asked first on a {@link Confirmation} page that names what it
 * costs, from the real orders: removing a bundle ("This refunds $14.97 and takes the bundle from its 3 owners"),
 * suspending or banning a creator (which bundles leave the storefront, how many buyers they have) and refunding
 * an order (who gets how much back for what). Each page has a reason field of its own.
 */
@Component
class AdminConfirmations {

	private final Catalog catalog;

	private final RemovalRefunds consequences;

	private final Refunds refunds;

	private final AccountService accounts;

	AdminConfirmations(Catalog catalog, RemovalRefunds consequences, Refunds refunds, AccountService accounts) {
		this.catalog = catalog;
		this.consequences = consequences;
		this.refunds = refunds;
		this.accounts = accounts;
	}

	/** Removing {@code id} for good, posted to {@code action}, cancelled to {@code back}. */
	String removal(AccountPrincipal admin, BundleId id, String action, String back, Model model, Locale locale) {
		BundleSummary bundle = catalog.bundle(id, new Viewer(admin.accountId(), true)).summary();
		Consequence consequence = consequences.ofRemoving(id);
		List<Line> lines = new ArrayList<>();
		lines.add(Line.of("removal.confirm.final", bundle.title(), bundle.creatorName()));
		String refunded = consequence.refunds().stream().map(money -> money.display(locale))
			.collect(Collectors.joining(" + "));
		if (consequence.buyers() == 0) {
			lines.add(Line.of("removal.confirm.nobody"));
		}
		else if (refunded.isEmpty()) {
			lines.add(Line.of("removal.confirm.revokes", consequence.buyers()));
		}
		else {
			lines.add(Line.of("removal.confirm.refunds", consequence.buyers(), refunded));
		}
		return show(model, new Confirmation(Line.of("removal.confirm.heading", bundle.title()), lines, action, back,
				Line.of("removal.confirm.submit"), Line.of("removal.confirm.cancel"), Line.of("removal.confirm.reason")));
	}

	/**
	 * Suspending or banning {@code creator}: their public bundles, named, leave the storefront and stop selling; the
	 * people who bought them keep them.
	 */
	String accountStatus(AccountPrincipal admin, AccountId creator, AccountStatus status, String action, String back,
			Model model) {
		AccountView account = accounts.find(creator).orElseThrow(AccountNotFoundException::new);
		List<BundleSummary> listed = catalog.bundlesOf(creator).stream().filter(BundleSummary::isPublic).toList();
		String key = status == AccountStatus.BANNED ? "ban" : "suspend";
		List<Line> lines = new ArrayList<>();
		lines.add(Line.of("account.confirm." + key + ".final", account.displayName()));
		if (listed.isEmpty()) {
			lines.add(Line.of("account.confirm.noBundles"));
		}
		else {
			lines.add(Line.of("account.confirm.bundles", listed.size(),
					listed.stream().map(b -> "\u201c" + b.title() + "\u201d").collect(Collectors.joining(", "))));
			lines.add(Line.of("account.confirm.buyers",
					consequences.buyersOf(listed.stream().map(BundleSummary::id).toList())));
		}
		return show(model, new Confirmation(Line.of("account.confirm." + key + ".heading", account.displayName()),
				lines, action, back, Line.of("account.confirm." + key + ".submit"), Line.of("confirm.cancel"),
				Line.of("account.confirm.reason")));
	}

	/** Refunding one order in full: who gets what back, for which bundle, and that they lose it. */
	String refund(AccountPrincipal admin, OrderId id, String action, String back, Model model, Locale locale) {
		OrderView order = refunds.refundable(admin, id);
		String title = catalog.titles(List.of(order.bundle())).getOrDefault(order.bundle(), order.bundle().toString());
		return show(model, RefundConfirmation.of(order, title, action, back, locale).withReason(Line.of("payments.refund.reason")));
	}

	private static String show(Model model, Confirmation confirmation) {
		model.addAttribute("confirmation", confirmation);
		return Confirmation.VIEW;
	}
}
