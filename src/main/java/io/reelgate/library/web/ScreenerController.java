package io.reelgate.library.web;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.library.ScreenerException;
import io.reelgate.library.Screeners;
import io.reelgate.ratelimit.RateLimiter;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Where festival juries and press redeem a screener code into their library (logged in). Every attempt, right or
 * wrong, costs the client address a token ({@link ScreenerRateLimitProperties}); over the limit the page is a 429.
 */
@Controller
class ScreenerController {

	static final String VIEW = "library/screener";

	private final Screeners screeners;

	private final RateLimiter limiter;

	private final ScreenerRateLimitProperties limits;

	ScreenerController(Screeners screeners, RateLimiter limiter, ScreenerRateLimitProperties limits) {
		this.screeners = screeners;
		this.limiter = limiter;
		this.limits = limits;
	}

	@GetMapping("/screeners")
	String show() {
		return VIEW;
	}

	@PostMapping("/screeners")
	String redeem(@AuthenticationPrincipal AccountPrincipal me, @RequestParam(required = false) @Nullable String code,
			HttpServletRequest request, RedirectAttributes redirect) {
		limiter.consume("screener:ip:" + request.getRemoteAddr(), limits.perIp());
		try {
			screeners.redeem(me.accountId(), code == null ? "" : code);
		}
		catch (ScreenerException ex) {
			redirect.addFlashAttribute("error", ex.code());
			return "redirect:/screeners";
		}
		redirect.addFlashAttribute("success", "screener.redeemed");
		return "redirect:/library";
	}
}
