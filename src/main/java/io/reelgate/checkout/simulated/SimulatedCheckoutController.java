package io.reelgate.checkout.simulated;

import java.util.Optional;
import java.util.TreeMap;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.catalog.BundleSummary;
import io.reelgate.catalog.Catalog;
import io.reelgate.catalog.Catalog.Viewer;
import io.reelgate.checkout.CheckoutService;
import io.reelgate.checkout.OrderClosedException;
import io.reelgate.checkout.OrderPayments;
import io.reelgate.checkout.OrderStatus;
import io.reelgate.checkout.OrderView;
import io.reelgate.checkout.TaxProperties;
import io.reelgate.checkout.stripe.StripeMode;
import io.reelgate.shared.OrderId;
import org.jspecify.annotations.Nullable;

import org.springframework.context.annotation.Conditional;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The test-mode payment page that stands in for a real payment provider. Only the order's buyer sees it. The buyer
 * picks a country, whose demo tax rate (labelled simulated) stands in for Stripe Tax.
 */
@Controller
@Conditional(StripeMode.Off.class)
@RequestMapping("/checkout/simulated/{orderId}")
class SimulatedCheckoutController {

	static final String VIEW = "checkout/simulated";

	private final CheckoutService checkout;

	private final OrderPayments payments;

	private final Catalog catalog;

	private final TaxProperties tax;

	SimulatedCheckoutController(CheckoutService checkout, OrderPayments payments, Catalog catalog,
			TaxProperties tax) {
		this.checkout = checkout;
		this.payments = payments;
		this.catalog = catalog;
		this.tax = tax;
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
		BundleSummary bundle = catalog.acquirable(order.bundle());
		model.addAttribute("order", order);
		model.addAttribute("bundle", bundle);
		model.addAttribute("rates", new TreeMap<>(tax.simulatedRates()));
		model.addAttribute("taxIncluded", tax.behavior() == TaxProperties.Behavior.INCLUSIVE);
		model.addAttribute("details", catalog.bundle(order.bundle(), new Viewer(me.accountId(), me.isAdmin())));
		return VIEW;
	}

	@PostMapping("/pay")
	String pay(@AuthenticationPrincipal AccountPrincipal me, @PathVariable OrderId orderId,
			@RequestParam(name = "country", required = false) @Nullable String country, RedirectAttributes redirect) {
		OrderView order = checkout.order(me.accountId(), orderId);
		// A bundle hidden or unpublished since the order was opened can no longer be bought.
		catalog.acquirable(order.bundle());
		try {
			// One reference per order, so a double-clicked Pay confirms the same payment twice, harmlessly.
			// The buyer's country picks a demo rate; one outside the table (or none) pays no simulated tax.
			payments.confirmPayment(orderId, "simulated:" + orderId, SimulatedTax.settle(order.amount(),
					Optional.ofNullable(country).filter(c -> !c.isBlank()), tax));
		}
		catch (OrderClosedException ex) {
			redirect.addFlashAttribute("error", "checkout.closed");
			return "redirect:/bundles/" + order.bundle();
		}
		redirect.addFlashAttribute("success", "checkout.paid");
		return "redirect:/library";
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
