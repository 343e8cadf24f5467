package io.reelgate.accounts.web;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.accounts.Passkeys;
import io.reelgate.accounts.SecondFactorPolicy;
import io.reelgate.accounts.SecondFactors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Removing one of my passkeys from the account page (adding one is Spring Security's JSON ceremony, driven by
 * {@code passkeys.js}). Someone else's passkey, or an id that is none, is a 404, as if it never existed. The
 * last second factor of an account the operator requires one of stays.
 */
@Controller
class PasskeysController {

	private final Passkeys passkeys;

	private final SecondFactors secondFactors;

	private final SecondFactorPolicy policy;

	private final SecondFactorSessions sessions;

	PasskeysController(Passkeys passkeys, SecondFactors secondFactors, SecondFactorPolicy policy,
			SecondFactorSessions sessions) {
		this.passkeys = passkeys;
		this.secondFactors = secondFactors;
		this.policy = policy;
		this.sessions = sessions;
	}

	@PostMapping("/account/passkeys/{id}/remove")
	String remove(@AuthenticationPrincipal AccountPrincipal me, @PathVariable String id, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes redirect) {
		boolean lastFactor = !secondFactors.isEnabled(me.accountId()) && passkeys.count(me.accountId()) <= 1;
		if (lastFactor && policy.requires(me.accountId(), me.role())) {
			redirect.addFlashAttribute("error", "passkey.remove.required");
			return "redirect:/account";
		}
		if (!passkeys.remove(me.accountId(), id)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		sessions.removed(me, secondFactors.status(me.accountId(), me.role()), request, response);
		redirect.addFlashAttribute("success", "passkey.removed");
		return "redirect:/account";
	}
}
