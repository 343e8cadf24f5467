package io.reelgate.checkout.web;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.checkout.CheckoutRefusedException;
import io.reelgate.checkout.CheckoutService;
import io.reelgate.checkout.CheckoutService.Gift;
import io.reelgate.checkout.CheckoutService.Outcome;
import io.reelgate.checkout.CheckoutService.PayAt;
import io.reelgate.checkout.CheckoutService.Terms;
import io.reelgate.checkout.DiscountCodeThrottle;
import io.reelgate.ratelimit.RateLimitExceededException;
import io.reelgate.shared.BundleId;
import io.reelgate.shared.RedirectOnRefusal;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Buy as a gift": the Buy button's twin, with the recipient's address and an optional message. Same server-side
 * price, discount codes, gateways and rate limit as {@link CheckoutController}.
 */
@Controller
class GiftCheckoutController {

	private final CheckoutService checkout;

	private final CheckoutRateLimit rateLimit;

	private final DiscountCodeThrottle codeThrottle;

	GiftCheckoutController(CheckoutService checkout, CheckoutRateLimit rateLimit, DiscountCodeThrottle codeThrottle) {
		this.checkout = checkout;
		this.rateLimit = rateLimit;
		this.codeThrottle = codeThrottle;
	}

	@PostMapping("/checkout/{bundleId}/gift")
	@RedirectOnRefusal("/bundles/{bundleId}")
	String checkoutGift(@AuthenticationPrincipal AccountPrincipal me, @PathVariable BundleId bundleId,
			@RequestParam(required = false) @Nullable String recipient,
			@RequestParam(required = false) @Nullable String message,
			@RequestParam(required = false) @Nullable String amount,
			@RequestParam(required = false) @Nullable String code,
			@RequestParam(required = false) @Nullable String currency, HttpServletRequest request,
			RedirectAttributes redirect) {
		rateLimit.admit(me.accountId(), request.getRemoteAddr());
		boolean withCode = code != null && !code.isBlank();
		Outcome outcome;
		try {
			if (withCode) {
				codeThrottle.admit(me.accountId(), request.getRemoteAddr());
			}
			outcome = checkout.checkoutGift(me.accountId(), bundleId, new Terms(amount, code, currency),
					new Gift(recipient == null ? "" : recipient, message));
		}
		catch (RateLimitExceededException ex) {
			return backToForm(bundleId, recipient, message, DiscountCodeThrottle.TOO_MANY,
					new Object[] { DiscountCodeThrottle.minutes(ex) }, redirect);
		}
		catch (CheckoutRefusedException ex) {
			if (withCode && DiscountCodeThrottle.refusesCode(ex.code())) {
				codeThrottle.failed(me.accountId(), request.getRemoteAddr());
			}
			return backToForm(bundleId, recipient, message, ex.code(), ex.arguments(), redirect);
		}
		if (outcome instanceof PayAt payAt) {
			return "redirect:" + payAt.url();
		}
		redirect.addFlashAttribute("success", "gift.sent");
		return "redirect:/library";
	}

	private static String backToForm(BundleId bundleId, @Nullable String recipient, @Nullable String message,
			String error, Object[] arguments, RedirectAttributes redirect) {
		redirect.addFlashAttribute("giftError", error);
		redirect.addFlashAttribute("giftErrorArgs", arguments);
		redirect.addFlashAttribute("giftRecipient", recipient);
		redirect.addFlashAttribute("giftMessage", message);
		return "redirect:/bundles/" + bundleId;
	}
}
