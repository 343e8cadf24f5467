package io.reelgate.studio;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.catalog.Catalog;
import io.reelgate.checkout.Earnings;
import io.reelgate.checkout.OrderView;
import io.reelgate.checkout.PaymentGatewayException;
import io.reelgate.checkout.RefundConfirmation;
import io.reelgate.checkout.Refunds;
import io.reelgate.shared.BundleId;
import io.reelgate.shared.Confirmation;
import io.reelgate.shared.CsvTable;
import io.reelgate.shared.Money;
import io.reelgate.shared.OrderId;
import io.reelgate.shared.RedirectOnRefusal;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.data.domain.Page;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A creator's sales, newest first, each refundable in full while it stands. */
@Controller
class SalesController {

	static final String VIEW = "studio/sales";

	private final Earnings earnings;

	private final Refunds refunds;

	private final Catalog catalog;

	SalesController(Earnings earnings, Refunds refunds, Catalog catalog) {
		this.earnings = earnings;
		this.refunds = refunds;
		this.catalog = catalog;
	}

	@GetMapping("/studio/sales")
	String show(@AuthenticationPrincipal AccountPrincipal me, @RequestParam(name = "page", defaultValue = "0") int page,
			Model model) {
		Page<OrderView> sales = earnings.salesOf(me.accountId(), page);
		model.addAttribute("sales", sales);
		model.addAttribute("titles", catalog.titles(sales.map(OrderView::bundle).toList()));
		return VIEW;
	}

	/**
	 * Every sale as CSV, with the gross the buyer paid split into tax, platform fee and net, as the ledger books it
	 * (text cells a spreadsheet would run as formulas are neutralised by {@link CsvTable}).
	 */
	@GetMapping("/studio/sales.csv")
	void export(@AuthenticationPrincipal AccountPrincipal me, HttpServletResponse response) throws IOException {
		List<OrderView> sales = earnings.allSalesOf(me.accountId());
		Map<BundleId, String> titles = catalog.titles(sales.stream().map(OrderView::bundle).distinct().toList());
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"sales.csv\"");
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		CsvTable csv = new CsvTable().row(List.of("order_id", "date", "bundle_id", "bundle_title", "kind", "status",
				"currency", "gross", "tax", "tax_country", "fee", "net", "discount_code"));
		for (OrderView o : sales) {
			Money gross = o.gross();
			csv.row(List.of(o.id().toString(), o.createdAt().toString(), o.bundle().toString(),
					titles.getOrDefault(o.bundle(), ""), o.kind().name(), o.status().name(),
					gross == null ? "" : gross.currency().getCurrencyCode(),
					gross == null ? "0" : gross.toDecimalString(), o.tax() == null ? "0" : o.tax().toDecimalString(),
					o.taxCountry() == null ? "" : o.taxCountry(),
					gross == null ? "0" : new Money(o.feeMinor(), gross.currency()).toDecimalString(),
					gross == null ? "0" : new Money(o.net().minor() - o.feeMinor(), gross.currency()).toDecimalString(),
					o.discountCode() == null ? "" : o.discountCode()));
		}
		Writer out = response.getWriter();
		out.write(csv.toString());
		out.flush();
	}

	/** What refunding the sale gives back and takes away; another creator's order is a 404. */
	@GetMapping("/studio/sales/{orderId}/refund")
	@RedirectOnRefusal("/studio/sales")
	String confirmRefund(@AuthenticationPrincipal AccountPrincipal me, @PathVariable OrderId orderId, Model model,
			Locale locale) {
		OrderView order = refunds.refundable(me, orderId);
		String title = catalog.titles(List.of(order.bundle())).getOrDefault(order.bundle(), order.bundle().toString());
		model.addAttribute("confirmation", RefundConfirmation.of(order, title, "/studio/sales/" + orderId + "/refund",
				"/studio/sales", locale));
		return Confirmation.VIEW;
	}

	/** Only from the confirmation page. */
	@PostMapping("/studio/sales/{orderId}/refund")
	@RedirectOnRefusal("/studio/sales")
	String refund(@AuthenticationPrincipal AccountPrincipal me, @PathVariable OrderId orderId,
			@RequestParam(name = Confirmation.PARAMETER, defaultValue = "false") boolean confirmed,
			RedirectAttributes redirect) {
		if (!confirmed) {
			return Confirmation.askFirst("/studio/sales/" + orderId + "/refund");
		}
		try {
			refunds.refund(me, orderId);
			redirect.addFlashAttribute("success", "refund.done");
		}
		catch (PaymentGatewayException ex) {
			redirect.addFlashAttribute("error", "refund.gatewayFailed");
		}
		return "redirect:/studio/sales";
	}
}
