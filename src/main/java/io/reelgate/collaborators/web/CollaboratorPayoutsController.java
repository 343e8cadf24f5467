package io.reelgate.collaborators.web;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.checkout.PayoutOnboarding;
import io.reelgate.checkout.Sellers;
import io.reelgate.collaborators.Collaborations;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Payout set-up for collaborators, who need not be creators: the same {@link PayoutOnboarding} port the studio's
 * page uses, with the provider's refresh and return pages under /collaborations. Only an account that accepted a
 * share may start it (anyone else, and everyone when the gateway pays nobody out, gets a 404); starting it asks for
 * a fresh factor like a creator's (the web layer's step-up rules). Once their account can take transfers, the
 * transfer job pays the shares they accrued.
 */
@Controller
@RequestMapping(CollaboratorPayoutsController.PAGES)
class CollaboratorPayoutsController {

	static final String PAGES = "/collaborations/payouts";

	private final ObjectProvider<PayoutOnboarding> onboarding;

	private final Collaborations collaborations;

	private final Sellers sellers;

	CollaboratorPayoutsController(ObjectProvider<PayoutOnboarding> onboarding, Collaborations collaborations,
			Sellers sellers) {
		this.onboarding = onboarding;
		this.collaborations = collaborations;
		this.sellers = sellers;
	}

	@PostMapping("/connect")
	String connect(@AuthenticationPrincipal AccountPrincipal me) {
		return "redirect:" + onboarding(me).onboardingLink(me.accountId(), me.email(), PAGES);
	}

	/** Where the provider sends a collaborator whose link expired: a fresh one, for the logged-in account only. */
	@GetMapping("/refresh")
	String refresh(@AuthenticationPrincipal AccountPrincipal me) {
		return "redirect:" + onboarding(me).onboardingLink(me.accountId(), me.email(), PAGES);
	}

	@GetMapping("/return")
	String returned(@AuthenticationPrincipal AccountPrincipal me, RedirectAttributes redirect) {
		onboarding(me).refresh(me.accountId());
		redirect.addFlashAttribute("success", sellers.status(me.accountId()).chargesEnabled()
				? "collaborators.payouts.ready" : "collaborators.payouts.pending");
		return "redirect:/collaborations";
	}

	private PayoutOnboarding onboarding(AccountPrincipal me) {
		PayoutOnboarding port = onboarding.getIfAvailable();
		if (port == null || !collaborations.collaborates(me.accountId())) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return port;
	}
}
