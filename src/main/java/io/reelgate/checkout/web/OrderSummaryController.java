package io.reelgate.checkout.web;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.catalog.Catalog;
import io.reelgate.catalog.Catalog.Viewer;
import io.reelgate.checkout.CheckoutService;
import io.reelgate.checkout.OrderClosedException;
import io.reelgate.checkout.OrderStatus;
import io.reelgate.checkout.OrderView;
import io.reelgate.checkout.PaymentGateway;
import io.reelgate.checkout.TaxProperties;
import io.reelgate.shared.OrderId;
import io.reelgate.shared.RedirectOnRefusal;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The order summary before the buyer leaves for Stripe's page: cover, what is included, price, discount, a word on
 * tax, the total, what happens next and the refund policy, then "Pay with Stripe" (the simulated gateway's page
 * shows the same summary, from the same fragment). Only the order's buyer sees it; a closed order goes back to the
 * bundle, a paid one to the library.
 */
@Controller
@RequestMapping(CheckoutService.SUMMARY_PATH + "{orderId}")
class OrderSummaryController {

	static final String VIEW = "checkout/summary";

	private final CheckoutService checkout;

	private final Catalog catalog;

	private final TaxProperties tax;

	private final PaymentGateway gateway;

	OrderSummaryController(CheckoutService checkout, Catalog catalog, TaxProperties tax, PaymentGateway gateway) {
		this.checkout = checkout;
		this.catalog = catalog;
		this.tax = tax;
		this.gateway = gateway;
	}

	@GetMapping
	String show(@AuthenticationPrincipal AccountPrincipal me, @PathVariable OrderId orderId, Model model,
			RedirectAttributes redirect) {
		OrderView order = checkout.order(me.accountId(), orderId);
		if (order.status() == OrderStatus.PAID) {
			return "redirect:/library";
		}
		if (order.status() != OrderStatus.PENDING) {
			redirect.addFlashAttribute("error", "checkout.closed");
			return "redirect:/bundles/" + order.bundle();
		}
		model.addAttribute("order", order);
		model.addAttribute("bundle", catalog.acquirable(order.bundle()));
		model.addAttribute("details", catalog.bundle(order.bundle(), new Viewer(me.accountId(), me.isAdmin())));
		model.addAttribute("taxNote", !tax.enabled() ? null
				: tax.behavior() == TaxProperties.Behavior.INCLUSIVE ? "checkout.summary.tax.included"
						: "checkout.summary.tax.added");
		model.addAttribute("gateway", gateway.name());
		return VIEW;
	}

	/** "Pay with Stripe": the gateway's checkout for this order (the same one if pressed twice). */
	@PostMapping("/pay")
	@RedirectOnRefusal(CheckoutService.SUMMARY_PATH + "{orderId}")
	String pay(@AuthenticationPrincipal AccountPrincipal me, @PathVariable OrderId orderId,
			RedirectAttributes redirect) {
		OrderView order = checkout.order(me.accountId(), orderId);
		try {
			return "redirect:" + checkout.payAtGateway(me.accountId(), orderId).url();
		}
		catch (OrderClosedException ex) {
			redirect.addFlashAttribute("error", "checkout.closed");
			return "redirect:/bundles/" + order.bundle();
		}
	}

	@PostMapping("/cancel")
	String cancel(@AuthenticationPrincipal AccountPrincipal me, @PathVariable OrderId orderId,
			RedirectAttributes redirect) {
		OrderView order = checkout.order(me.accountId(), orderId);
		checkout.cancel(me.accountId(), orderId);
		redirect.addFlashAttribute("success", "checkout.cancelled");
		return "redirect:/bundles/" + order.bundle();
	}
}
