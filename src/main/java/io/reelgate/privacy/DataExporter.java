package io.reelgate.privacy;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.reelgate.accounts.AccountService;
import io.reelgate.accounts.AccountView;
import io.reelgate.accounts.Role;
import io.reelgate.catalog.BundleDetails;
import io.reelgate.catalog.BundleSummary;
import io.reelgate.catalog.Catalog;
import io.reelgate.catalog.FileView;
import io.reelgate.checkout.CheckoutService;
import io.reelgate.checkout.DiscountService;
import io.reelgate.checkout.OrderView;
import io.reelgate.library.EmailGate;
import io.reelgate.library.Gifting;
import io.reelgate.library.Library;
import io.reelgate.shared.AccountId;
import io.reelgate.shared.BundleId;

import org.springframework.stereotype.Service;

/**
 * Gathers everything Reelgate holds about one account from the modules that hold it: the account, the library, every
 * order and gift, the addresses given to email gates, and for creators their bundles and discount codes.
 */
@Service
class DataExporter {

	private final AccountService accounts;

	private final Library library;

	private final Catalog catalog;

	private final CheckoutService checkout;

	private final Gifting gifting;

	private final EmailGate emailGate;

	private final DiscountService discounts;

	private final Clock clock;

	DataExporter(AccountService accounts, Library library, Catalog catalog, CheckoutService checkout, Gifting gifting,
			EmailGate emailGate, DiscountService discounts, Clock clock) {
		this.accounts = accounts;
		this.library = library;
		this.catalog = catalog;
		this.checkout = checkout;
		this.gifting = gifting;
		this.emailGate = emailGate;
		this.discounts = discounts;
		this.clock = clock;
	}

	DataExport export(AccountId id) {
		AccountView account = accounts.find(id).orElseThrow();
		return new DataExport(clock.instant(),
				new DataExport.Account(account.id().toString(), account.email(), account.displayName(),
						account.role().name(), account.status().name(), account.statusReason()),
				library.itemsOf(id).stream()
					.map(item -> new DataExport.LibraryEntry(item.bundle().summary().id().toString(),
							item.bundle().summary().title(), item.bundle().summary().creatorName(), item.acquiredAt(),
							item.revokedReason()))
					.toList(),
				checkout.ordersOf(id).stream().map(DataExporter::order).toList(),
				gifting.sentBy(id).stream()
					.map(g -> new DataExport.GiftSent(g.order().toString(), g.bundleTitle(), g.recipient(),
							g.state().name(), g.sentAt(), g.claimedAt()))
					.toList(),
				emailGate.givenBy(id, account.email()).stream()
					.map(e -> new DataExport.EmailGiven(e.email(), e.bundleTitle(), e.consentAt(), e.confirmedAt()))
					.toList(),
				bundles(id), account.role() == Role.CREATOR ? discountCodes(id) : List.of());
	}

	/** The creator's bundles with their file names, the files read in one query for all of them. */
	private List<DataExport.Bundle> bundles(AccountId creator) {
		List<BundleSummary> made = catalog.bundlesOf(creator);
		Map<BundleId, BundleDetails> details = catalog.purchased(made.stream().map(BundleSummary::id).toList());
		return made.stream()
			.map(b -> new DataExport.Bundle(b.id().toString(), b.title(), b.summary(), b.status().name(),
					b.createdAt(), b.publishedAt(),
					details.get(b.id()).files().stream().map(FileView::name).toList()))
			.toList();
	}

	private List<DataExport.DiscountCode> discountCodes(AccountId creator) {
		return discounts.codesOf(creator).stream()
			.map(c -> new DataExport.DiscountCode(c.code(), c.bundle() == null ? null : c.bundle().toString(),
					c.discount().display(Locale.ROOT), c.expiresAt(), c.usageLimit(), c.used(), c.disabled()))
			.toList();
	}

	private static DataExport.Order order(OrderView order) {
		return new DataExport.Order(order.id().toString(), order.bundle().toString(), order.kind().name(),
				order.status().name(), order.amount() == null ? null : order.amount().minor(),
				order.amount() == null ? null : order.amount().currency().getCurrencyCode(), order.discountCode(),
				order.createdAt(), order.paidAt());
	}
}
