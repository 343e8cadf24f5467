package io.reelgate.checkout.web;

import java.util.Optional;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.checkout.CheckoutRefusedException;
import io.reelgate.checkout.CheckoutService;
import io.reelgate.checkout.CheckoutService.Acquired;
import io.reelgate.checkout.CheckoutService.AlreadyOwned;
import io.reelgate.checkout.CheckoutService.Outcome;
import io.reelgate.checkout.CheckoutService.PayAt;
import io.reelgate.checkout.CheckoutService.Terms;
import io.reelgate.checkout.DiscountCodeThrottle;
import io.reelgate.checkout.DiscountService;
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
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The Buy / Get button. Takes from the browser only the bundle id, the amount chosen for pay what you want and a
 * discount code; the price charged is worked out on the server. Rate limited per account and per client address
 * ({@link CheckoutRateLimit}); over the limit the buyer gets a 429 page and no order.
 */
@Controller
class CheckoutController {

	private final CheckoutService checkout;

	private final CheckoutRateLimit rateLimit;

	private final DiscountCodeThrottle codeThrottle;

	CheckoutController(CheckoutService checkout, CheckoutRateLimit rateLimit, DiscountCodeThrottle codeThrottle) {
		this.checkout = checkout;
		this.rateLimit = rateLimit;
		this.codeThrottle = codeThrottle;
	}

	/**
	 * @param amount what the buyer chose to pay, for a pay-what-you-want bundle
	 * @param code a discount code, for a fixed price
	 */
	@PostMapping("/checkout/{bundleId}")
	@RedirectOnRefusal("/bundles/{bundleId}")
	String checkout(@AuthenticationPrincipal AccountPrincipal me, @PathVariable BundleId bundleId,
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
			outcome = checkout.checkout(me.accountId(), bundleId, new Terms(amount, code, currency));
		}
		catch (RateLimitExceededException ex) {
			// A form message rather than a 429 page, so the buyer keeps the page and can buy without the code.
			return backToForm(bundleId, amount, code, currency, DiscountCodeThrottle.TOO_MANY,
					new Object[] { DiscountCodeThrottle.minutes(ex) }, redirect);
		}
		catch (CheckoutRefusedException ex) {
			if (withCode && DiscountCodeThrottle.refusesCode(ex.code())) {
				codeThrottle.failed(me.accountId(), request.getRemoteAddr());
			}
			return backToForm(bundleId, amount, code, currency, ex.code(), ex.arguments(), redirect);
		}
		return afterCheckout(outcome, redirect);
	}

	/** The Rent button: the rental price is the server's; rentals take no discount code. */
	@PostMapping("/checkout/{bundleId}/rental")
	@RedirectOnRefusal("/bundles/{bundleId}")
	String rent(@AuthenticationPrincipal AccountPrincipal me, @PathVariable BundleId bundleId,
			@RequestParam(required = false) @Nullable String currency, HttpServletRequest request,
			RedirectAttributes redirect) {
		rateLimit.admit(me.accountId(), request.getRemoteAddr());
		return afterCheckout(checkout.rent(me.accountId(), bundleId, currency), redirect);
	}

	/** Back to the form with the reason and what the buyer typed, so they can correct it. */
	private static String backToForm(BundleId bundleId, @Nullable String amount, @Nullable String code,
			@Nullable String currency, String error, Object[] arguments, RedirectAttributes redirect) {
		redirect.addFlashAttribute("error", error);
		redirect.addFlashAttribute("errorArgs", arguments);
		redirect.addFlashAttribute("chosenAmount", amount);
		return "redirect:" + UriComponentsBuilder.fromPath("/bundles/{id}")
			.queryParamIfPresent("code", Optional.ofNullable(code).filter(DiscountService::wellFormed))
			.queryParamIfPresent("currency", Optional.ofNullable(currency).filter(c -> c.matches("[A-Z]{3}")))
			.buildAndExpand(bundleId)
			.encode()
			.toUriString();
	}

	private static String afterCheckout(Outcome outcome, RedirectAttributes redirect) {
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
