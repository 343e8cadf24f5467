package io.reelgate.studio;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.accounts.AccountService;
import io.reelgate.catalog.BundleSummary;
import io.reelgate.catalog.Catalog;
import io.reelgate.checkout.BundleEarnings;
import io.reelgate.checkout.Earnings;
import io.reelgate.checkout.PaymentGateway;
import io.reelgate.checkout.Sellers;
import io.reelgate.library.DownloadActivity;
import io.reelgate.library.DownloadActivity.BundleDownloads;
import io.reelgate.moderation.AppealService;
import io.reelgate.shared.BundleId;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * A creator's home: every bundle with its state, price, earnings (from the ledger) and downloads, earnings per
 * month, any moderation note, and where they stand with payouts when sales pay out through the gateway.
 */
@Controller
class DashboardController {

	static final String VIEW = "studio/dashboard";

	private final Catalog catalog;

	private final Earnings earnings;

	private final Sellers sellers;

	private final PaymentGateway gateway;

	private final DownloadActivity downloads;

	private final AccountService accounts;

	private final AppealService appeals;

	DashboardController(Catalog catalog, Earnings earnings, Sellers sellers, PaymentGateway gateway,
			DownloadActivity downloads, AccountService accounts, AppealService appeals) {
		this.catalog = catalog;
		this.earnings = earnings;
		this.sellers = sellers;
		this.gateway = gateway;
		this.downloads = downloads;
		this.accounts = accounts;
		this.appeals = appeals;
	}

	@GetMapping("/studio")
	String show(@AuthenticationPrincipal AccountPrincipal me, Model model) {
		List<BundleSummary> bundles = catalog.bundlesOf(me.accountId());
		Map<BundleId, List<BundleEarnings>> byBundle = earnings.byBundle(me.accountId())
			.stream()
			.collect(Collectors.groupingBy(BundleEarnings::bundle));
		Map<BundleId, BundleDownloads> downloaded = downloads.perBundle(bundles.stream().map(BundleSummary::id).toList());
		model.addAttribute("rows", bundles.stream()
			.map(b -> new DashboardRow(b, byBundle.getOrDefault(b.id(), List.of()),
					downloaded.containsKey(b.id()) ? downloaded.get(b.id()).downloads() : 0))
			.toList());
		model.addAttribute("months", earnings.byMonth(me.accountId()));
		model.addAttribute("payoutsNeeded", gateway.paysSellersOut());
		model.addAttribute("seller", sellers.status(me.accountId()));
		model.addAttribute("account", accounts.find(me.accountId()).orElse(null));
		model.addAttribute("moderationActions", appeals.actionsAgainst(me.accountId()));
		return VIEW;
	}

	/** One bundle on the dashboard, with its earnings in each currency it sold in. */
	record DashboardRow(BundleSummary bundle, List<BundleEarnings> earnings, long downloads) {

		public long sales() {
			return earnings.stream().mapToLong(BundleEarnings::sales).sum();
		}
	}
}
