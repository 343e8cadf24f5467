package io.reelgate.checkout.web;

import java.util.List;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.catalog.Catalog;
import io.reelgate.checkout.CheckoutService;
import io.reelgate.checkout.OrderView;
import io.reelgate.shared.OrderId;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The buyer's page of one order: what they paid, the tax in it, and where it stands. Anyone else gets a 404. */
@Controller
class OrderController {

	static final String VIEW = "checkout/order";

	private final CheckoutService checkout;

	private final Catalog catalog;

	OrderController(CheckoutService checkout, Catalog catalog) {
		this.checkout = checkout;
		this.catalog = catalog;
	}

	@GetMapping("/orders/{orderId}")
	String show(@AuthenticationPrincipal AccountPrincipal me, @PathVariable OrderId orderId, Model model) {
		OrderView order = checkout.order(me.accountId(), orderId);
		model.addAttribute("order", order);
		model.addAttribute("title", catalog.titles(List.of(order.bundle())).getOrDefault(order.bundle(), ""));
		return VIEW;
	}
}
