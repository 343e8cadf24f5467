package io.reelgate.studio;

import java.util.List;
import java.util.Map;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.catalog.BundleSummary;
import io.reelgate.catalog.Catalog;
import io.reelgate.checkout.BundleSales;
import io.reelgate.checkout.SalesReport;
import io.reelgate.shared.BundleId;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** A creator's home: every bundle with its state, price, sales and gross, and any moderation note. */
@Controller
class DashboardController {

	static final String VIEW = "studio/dashboard";

	private final Catalog catalog;

	private final SalesReport sales;

	DashboardController(Catalog catalog, SalesReport sales) {
		this.catalog = catalog;
		this.sales = sales;
	}

	@GetMapping("/studio")
	String show(@AuthenticationPrincipal AccountPrincipal me, Model model) {
		List<BundleSummary> bundles = catalog.bundlesOf(me.accountId());
		Map<BundleId, BundleSales> figures = sales.salesOf(bundles.stream().map(BundleSummary::id).toList());
		model.addAttribute("rows", bundles.stream()
			.map(b -> new DashboardRow(b, figures.getOrDefault(b.id(), BundleSales.NONE)))
			.toList());
		return VIEW;
	}

	/** One bundle on the dashboard. */
	record DashboardRow(BundleSummary bundle, BundleSales sales) {
	}
}
