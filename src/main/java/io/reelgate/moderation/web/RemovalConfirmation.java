package io.reelgate.moderation.web;

import java.util.Locale;
import java.util.stream.Collectors;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.catalog.BundleSummary;
import io.reelgate.catalog.Catalog;
import io.reelgate.catalog.Catalog.Viewer;
import io.reelgate.checkout.RemovalRefunds;
import io.reelgate.checkout.RemovalRefunds.Consequence;
import io.reelgate.shared.BundleId;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * Removing a bundle cannot be undone: its buyers lose their files and get their money back. Before it happens the
 * admin sees a page that names the bundle and what it will cost ("This refunds 3 buyers $14.97"), with a reason field
 * of its own, and only a POST from that page (which says {@code confirmed}) removes anything.
 */
@Component
class RemovalConfirmation {

	static final String VIEW = "moderation/confirm-removal";

	private final Catalog catalog;

	private final RemovalRefunds refunds;

	RemovalConfirmation(Catalog catalog, RemovalRefunds refunds) {
		this.catalog = catalog;
		this.refunds = refunds;
	}

	/** Fills the confirmation page for removing {@code id}, to be posted to {@code action}, cancelled to {@code back}. */
	String show(AccountPrincipal admin, BundleId id, String action, String back, Model model, Locale locale) {
		BundleSummary bundle = catalog.bundle(id, new Viewer(admin.accountId(), true)).summary();
		Consequence consequence = refunds.ofRemoving(id);
		model.addAttribute("bundle", bundle);
		model.addAttribute("buyers", consequence.buyers());
		model.addAttribute("refunds", consequence.refunds().stream().map(money -> money.display(locale))
			.collect(Collectors.joining(" + ")));
		model.addAttribute("action", action);
		model.addAttribute("back", back);
		return VIEW;
	}
}
