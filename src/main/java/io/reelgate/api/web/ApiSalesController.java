package io.reelgate.api.web;

import java.util.List;
import java.util.Map;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.api.web.ApiResources.Earnings;
import io.reelgate.api.web.ApiResources.PageOf;
import io.reelgate.api.web.ApiResources.Sale;
import io.reelgate.catalog.Catalog;
import io.reelgate.checkout.OrderView;
import io.reelgate.shared.BundleId;
import io.swagger.v3.oas.annotations.Operation;

import org.springframework.data.domain.Page;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Sales of the creator's bundles, newest first, and what each bundle earned; the same figures as the studio. */
@RestController
class ApiSalesController {

	private final io.reelgate.checkout.Earnings earnings;

	private final Catalog catalog;

	ApiSalesController(io.reelgate.checkout.Earnings earnings, Catalog catalog) {
		this.earnings = earnings;
		this.catalog = catalog;
	}

	@GetMapping("/api/v1/sales")
	@Operation(summary = "Orders of your bundles, 50 a page, newest first. Scope: sales:read.")
	PageOf<Sale> sales(@AuthenticationPrincipal AccountPrincipal me,
			@RequestParam(name = "page", defaultValue = "0") int page) {
		Page<OrderView> sales = earnings.salesOf(me.accountId(), page);
		Map<BundleId, String> titles = catalog.titles(sales.map(OrderView::bundle).toList());
		return PageOf.of(sales.map(o -> Sale.of(o, titles.get(o.bundle()))));
	}

	@GetMapping("/api/v1/earnings")
	@Operation(summary = "Gross, tax, fee and net per bundle and currency. Scope: sales:read.")
	List<Earnings> earnings(@AuthenticationPrincipal AccountPrincipal me) {
		return earnings.byBundle(me.accountId()).stream().map(Earnings::of).toList();
	}
}
