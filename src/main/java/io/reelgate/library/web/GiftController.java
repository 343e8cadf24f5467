package io.reelgate.library.web;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.catalog.BundleSummary;
import io.reelgate.library.GiftException;
import io.reelgate.library.Gifting;
import io.reelgate.shared.OrderId;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A gift's claim link and the buyer's resend button. Opening the link changes nothing (mail scanners open links);
 * the Claim button posts. An anonymous visitor is offered "Log in to claim", which goes through a path that needs a
 * login, so the login page returns to it and from there to the link.
 */
@Controller
class GiftController {

	static final String CLAIM_VIEW = "library/gift-claim";

	private final Gifting gifting;

	GiftController(Gifting gifting) {
		this.gifting = gifting;
	}

	@GetMapping("/gifts/{token}")
	String show(@PathVariable String token, Model model) {
		model.addAttribute("offer", gifting.offer(token));
		model.addAttribute("token", token);
		return CLAIM_VIEW;
	}

	@GetMapping("/gifts/{token}/login")
	String afterLogin(@PathVariable String token) {
		return "redirect:/gifts/" + token;
	}

	@PostMapping("/gifts/{token}")
	String claim(@AuthenticationPrincipal AccountPrincipal me, @PathVariable String token,
			RedirectAttributes redirect) {
		BundleSummary bundle = gifting.claim(token, me.accountId());
		redirect.addFlashAttribute("success", "gift.claimed");
		return "redirect:/library#bundle-" + bundle.id();
	}

	@PostMapping("/library/gifts/{order}/resend")
	String resend(@AuthenticationPrincipal AccountPrincipal me, @PathVariable OrderId order,
			RedirectAttributes redirect) {
		try {
			gifting.resend(me.accountId(), order);
			redirect.addFlashAttribute("success", "gift.resent");
		}
		catch (GiftException ex) {
			if ("gift.unknown".equals(ex.code())) {
				throw new ResponseStatusException(HttpStatus.NOT_FOUND);
			}
			redirect.addFlashAttribute("error", ex.code());
		}
		return "redirect:/library";
	}

	@ExceptionHandler(GiftException.class)
	String refused(GiftException ex, Model model, HttpServletResponse response) {
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		model.addAttribute("problem", ex.code());
		return CLAIM_VIEW;
	}
}
