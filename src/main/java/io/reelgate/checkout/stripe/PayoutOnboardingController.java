package io.reelgate.checkout.stripe;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.checkout.PayoutOnboarding;
import io.reelgate.checkout.Sellers;

import org.springframework.context.annotation.Conditional;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The creator's payout set-up pages, through the {@link PayoutOnboarding} port. The refresh URL, where the provider
 * sends a creator whose link expired, lies under /studio and so needs the creator logged in again before a new link
 * is made.
 */
@Controller
@Conditional(StripeMode.On.class)
@RequestMapping("/studio/payouts")
class PayoutOnboardingController {

	private final PayoutOnboarding onboarding;

	private final Sellers sellers;

	PayoutOnboardingController(PayoutOnboarding onboarding, Sellers sellers) {
		this.onboarding = onboarding;
		this.sellers = sellers;
	}

	@PostMapping("/connect")
	String connect(@AuthenticationPrincipal AccountPrincipal me) {
		return "redirect:" + onboarding.onboardingLink(me.accountId(), me.email());
	}

	@GetMapping("/refresh")
	String refresh(@AuthenticationPrincipal AccountPrincipal me) {
		return "redirect:" + onboarding.onboardingLink(me.accountId(), me.email());
	}

	@GetMapping("/return")
	String returned(@AuthenticationPrincipal AccountPrincipal me, RedirectAttributes redirect) {
		onboarding.refresh(me.accountId());
		redirect.addFlashAttribute("success",
				sellers.status(me.accountId()).chargesEnabled() ? "payouts.ready" : "payouts.pending");
		return "redirect:/studio";
	}
}
