package io.reelgate.checkout.web;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.checkout.CheckoutRefusedException;
import io.reelgate.checkout.CheckoutService;
import io.reelgate.checkout.CheckoutService.Acquired;
import io.reelgate.checkout.CheckoutService.AlreadyOwned;
import io.reelgate.checkout.CheckoutService.Outcome;
import io.reelgate.checkout.CheckoutService.PayAt;
import io.reelgate.checkout.PaymentGatewayException;
import io.reelgate.shared.BundleId;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The Buy / Get button. Takes nothing from the browser but the bundle id: the price is the catalog's. Rate limited
 * per account and per client address ({@link CheckoutRateLimit}); over the limit the buyer gets a 429 page and no
 * order.
 */
@Controller
class CheckoutController {

	private static final Logger log = LoggerFactory.getLogger(CheckoutController.class);

	private final CheckoutService checkout;

	private final CheckoutRateLimit rateLimit;

	CheckoutController(CheckoutService checkout, CheckoutRateLimit rateLimit) {
		this.checkout = checkout;
		this.rateLimit = rateLimit;
	}

	@PostMapping("/checkout/{bundleId}")
	String checkout(@AuthenticationPrincipal AccountPrincipal me, @PathVariable BundleId bundleId,
			HttpServletRequest request, RedirectAttributes redirect) {
		rateLimit.admit(me.accountId(), request.getRemoteAddr());
		Outcome outcome;
		try {
			outcome = checkout.checkout(me.accountId(), bundleId,
					ServletUriComponentsBuilder.fromCurrentContextPath().toUriString());
		}
		catch (CheckoutRefusedException ex) {
			redirect.addFlashAttribute("error", ex.code());
			return "redirect:/bundles/" + bundleId;
		}
		catch (PaymentGatewayException ex) {
			log.warn("Checkout of bundle {} failed at the payment provider", bundleId, ex);
			redirect.addFlashAttribute("error", "checkout.gatewayDown");
			return "redirect:/bundles/" + bundleId;
		}
		if (outcome instanceof PayAt payAt) {
			return "redirect:" + payAt.url();
		}
		if (outcome instanceof AlreadyOwned) {
			redirect.addFlashAttribute("success", "checkout.alreadyOwned");
		}
		else if (outcome instanceof Acquired) {
			redirect.addFlashAttribute("success", "checkout.acquired");
		}
		return "redirect:/library";
	}
}
