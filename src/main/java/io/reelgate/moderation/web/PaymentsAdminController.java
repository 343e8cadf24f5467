package io.reelgate.moderation.web;

import java.util.Locale;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.catalog.Catalog;
import io.reelgate.checkout.Earnings;
import io.reelgate.checkout.OrderView;
import io.reelgate.checkout.PaymentGateway;
import io.reelgate.checkout.PaymentGatewayException;
import io.reelgate.moderation.ModerationService;
import io.reelgate.shared.Confirmation;
import io.reelgate.shared.OrderId;
import io.reelgate.shared.RedirectOnRefusal;
import jakarta.validation.Valid;

import org.springframework.data.domain.Page;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The admin's view of money: which gateway is active, platform totals from the ledger, orders and refunds. */
@Controller
class PaymentsAdminController {

	static final String VIEW = "moderation/payments";

	private final Earnings earnings;

	private final PaymentGateway gateway;

	private final Catalog catalog;

	private final ModerationService moderation;

	private final AdminConfirmations confirmation;

	PaymentsAdminController(Earnings earnings, PaymentGateway gateway, Catalog catalog, ModerationService moderation,
			AdminConfirmations confirmation) {
		this.confirmation = confirmation;
		this.earnings = earnings;
		this.gateway = gateway;
		this.catalog = catalog;
		this.moderation = moderation;
	}

	@GetMapping("/admin/payments")
	String show(@RequestParam(name = "page", defaultValue = "0") int page, Model model) {
		Page<OrderView> orders = earnings.allSales(page);
		model.addAttribute("mode", gateway.describe());
		model.addAttribute("totals", earnings.platform());
		model.addAttribute("orders", orders);
		model.addAttribute("titles", catalog.titles(orders.map(OrderView::bundle).toList()));
		return VIEW;
	}

	@GetMapping("/admin/payments/{orderId}/refund")
	@RedirectOnRefusal("/admin/payments")
	String confirmRefund(@AuthenticationPrincipal AccountPrincipal me, @PathVariable OrderId orderId, Model model,
			Locale locale) {
		return confirmation.refund(me, orderId, "/admin/payments/" + orderId + "/refund", "/admin/payments", model,
				locale);
	}

	/** Only from the confirmation page, which says how much goes back for what. */
	@PostMapping("/admin/payments/{orderId}/refund")
	@RedirectOnRefusal("/admin/payments")
	String refund(@AuthenticationPrincipal AccountPrincipal me, @PathVariable OrderId orderId,
			@RequestParam(name = Confirmation.PARAMETER, defaultValue = "false") boolean confirmed,
			@Valid @ModelAttribute ReasonForm form, BindingResult result, RedirectAttributes redirect) {
		if (!confirmed) {
			return Confirmation.askFirst("/admin/payments/" + orderId + "/refund");
		}
		if (result.hasErrors()) {
			redirect.addFlashAttribute("error", "moderation.reason.required");
			return "redirect:/admin/payments";
		}
		try {
			moderation.refund(me, orderId, form.reason());
			redirect.addFlashAttribute("success", "refund.done");
		}
		catch (PaymentGatewayException ex) {
			redirect.addFlashAttribute("error", "refund.gatewayFailed");
		}
		return "redirect:/admin/payments";
	}
}
