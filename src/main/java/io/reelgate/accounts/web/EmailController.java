package io.reelgate.accounts.web;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.accounts.EmailAddresses;
import io.reelgate.accounts.LinkOutcome;
import io.reelgate.ratelimit.RateLimiter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Confirming an address from the mailed link, and asking for a new link. The link opens a page with a button
 * rather than confirming on GET, so mail scanners that fetch links do not use them up.
 */
@Controller
class EmailController {

	static final String CONFIRM_VIEW = "accounts/verify";

	private final EmailAddresses addresses;

	private final RateLimiter limiter;

	private final AccountLinkRateLimitProperties limits;

	EmailController(EmailAddresses addresses, RateLimiter limiter, AccountLinkRateLimitProperties limits) {
		this.addresses = addresses;
		this.limiter = limiter;
		this.limits = limits;
	}

	@GetMapping("/email/verify")
	String showConfirm(@RequestParam(name = "token", defaultValue = "") String token, Model model) {
		model.addAttribute("token", token);
		return CONFIRM_VIEW;
	}

	@PostMapping("/email/verify")
	String confirm(@RequestParam(name = "token", defaultValue = "") String token, HttpServletRequest request,
			HttpServletResponse response, Model model, RedirectAttributes redirect) {
		LinkOutcome outcome = addresses.confirm(token);
		if (outcome == LinkOutcome.EMAIL_VERIFIED) {
			redirect.addFlashAttribute("success", "email.verified");
			return "redirect:/";
		}
		if (outcome == LinkOutcome.EMAIL_CHANGED) {
			LinkPages.forgetLogin(request);
			redirect.addFlashAttribute("success", "email.changed");
			return "redirect:/login";
		}
		return LinkPages.problem(outcome, response, model);
	}

	@PostMapping("/account/email/verification")
	String resend(@AuthenticationPrincipal AccountPrincipal me, RedirectAttributes redirect) {
		limiter.consume("account-links:" + me.accountId(), limits.linksPerAccount());
		boolean sent = addresses.resendVerification(me.accountId());
		redirect.addFlashAttribute("success", sent ? "email.verification.sent" : "email.verification.already");
		return "redirect:/account";
	}
}
