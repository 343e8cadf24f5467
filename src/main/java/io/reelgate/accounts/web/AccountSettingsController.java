package io.reelgate.accounts.web;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.accounts.AccountService;
import io.reelgate.accounts.LoginThrottle;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The signed-in person's account page: change the password (the current one is asked again, and wrong guesses
 * count against the login throttle), and log out every other session.
 */
@Controller
class AccountSettingsController {

	static final String VIEW = "accounts/settings";

	private final AccountService accounts;

	private final LoginThrottle throttle;

	AccountSettingsController(AccountService accounts, LoginThrottle throttle) {
		this.accounts = accounts;
		this.throttle = throttle;
	}

	@GetMapping("/account")
	String show(@AuthenticationPrincipal AccountPrincipal me, Model model) {
		model.addAttribute("form", new PasswordForm("", ""));
		return view(me, model);
	}

	@PostMapping("/account/password")
	String changePassword(@AuthenticationPrincipal AccountPrincipal me, @Valid @ModelAttribute("form") PasswordForm form,
			BindingResult result, Model model, HttpServletRequest request, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return view(me, model);
		}
		throttle.admit(me.email(), request.getRemoteAddr());
		if (!accounts.changePassword(me.accountId(), form.currentPassword(), form.newPassword(),
				request.getSession().getId())) {
			throttle.failed(me.email(), request.getRemoteAddr());
			result.rejectValue("currentPassword", "account.password.wrong");
			return view(me, model);
		}
		redirect.addFlashAttribute("success", "account.password.changed");
		return "redirect:/account";
	}

	@PostMapping("/account/sessions/others/logout")
	String logOutOthers(@AuthenticationPrincipal AccountPrincipal me, HttpServletRequest request,
			RedirectAttributes redirect) {
		accounts.endOtherSessions(me.email(), request.getSession().getId());
		redirect.addFlashAttribute("success", "account.sessions.ended");
		return "redirect:/account";
	}

	private String view(AccountPrincipal me, Model model) {
		model.addAttribute("sessions", accounts.sessionCount(me.email()));
		return VIEW;
	}

	record PasswordForm(@NotBlank(message = "{account.password.current.required}") String currentPassword,
			@NotBlank(message = "{signup.password.required}") @Size(min = 10, max = 200,
					message = "{signup.password.size}") String newPassword) {
	}
}
