package io.reelgate.studio;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.catalog.Catalog;
import io.reelgate.checkout.Earnings;
import io.reelgate.checkout.OrderView;
import io.reelgate.checkout.PaymentGatewayException;
import io.reelgate.checkout.Refunds;
import io.reelgate.shared.OrderId;
import io.reelgate.shared.RedirectOnRefusal;

import org.springframework.data.domain.Page;
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

	@PostMapping("/studio/sales/{orderId}/refund")
	@RedirectOnRefusal("/studio/sales")
	String refund(@AuthenticationPrincipal AccountPrincipal me, @PathVariable OrderId orderId,
			RedirectAttributes redirect) {
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
