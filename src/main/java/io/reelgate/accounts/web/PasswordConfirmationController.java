package io.reelgate.accounts.web;

import java.io.IOException;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.accounts.AccountService;
import io.reelgate.accounts.LoginThrottle;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Typing the password again before a dangerous action, for accounts without a second factor whose password was
 * typed too long ago (the web layer's step-up rules send them here). Wrong guesses count against the login limits,
 * as from a known device: the person is signed in already.
 */
@Controller
class PasswordConfirmationController {

	static final String VIEW = "accounts/confirm-password";

	private static final boolean SIGNED_IN = true;

	private final AccountService accounts;

	private final LoginThrottle throttle;

	private final SecondFactorSessions sessions;

	PasswordConfirmationController(AccountService accounts, LoginThrottle throttle, SecondFactorSessions sessions) {
		this.accounts = accounts;
		this.throttle = throttle;
		this.sessions = sessions;
	}

	@GetMapping("/login/confirm-password")
	String show() {
		return VIEW;
	}

	@PostMapping("/login/confirm-password")
	String confirm(@AuthenticationPrincipal AccountPrincipal me, @RequestParam(defaultValue = "") String password,
			Model model, HttpServletRequest request, HttpServletResponse response)
			throws IOException, ServletException {
		throttle.admit(me.email(), request.getRemoteAddr(), SIGNED_IN);
		if (!accounts.checkPassword(me.accountId(), password)) {
			throttle.failed(me.email(), request.getRemoteAddr(), SIGNED_IN);
			model.addAttribute("error", "account.password.wrong");
			return VIEW;
		}
		sessions.passwordConfirmed(me, request, response);
		sessions.continueTo(request, response);
		return null;
	}
}
