package io.reelgate.accounts.web;

import io.reelgate.accounts.AccountNotFoundException;
import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.accounts.AccountService;
import io.reelgate.accounts.AccountSessions;
import io.reelgate.accounts.EmailAddresses;
import io.reelgate.accounts.LoginThrottle;
import io.reelgate.accounts.Passkeys;
import io.reelgate.accounts.SecondFactors;
import io.reelgate.ratelimit.RateLimiter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The signed-in person's account page: change the password or the address (the current password is asked again,
 * and wrong guesses count against the login throttle), see their sessions and log out any other one, or all.
 */
@Controller
class AccountSettingsController {

	static final String VIEW = "accounts/settings";

	/**
	 * Passwords typed again here come from a session already signed in as the account, like a known device: the
	 * per-address limits apply, but guessers elsewhere spending the account's login budget do not lock the owner out
	 * of their own settings.
	 */
	private static final boolean SIGNED_IN = true;

	private static final int RECENT_EVENTS = 10;

	private final AccountService accounts;

	private final AccountSessions sessions;

	private final LoginThrottle throttle;

	private final EmailAddresses addresses;

	private final RateLimiter limiter;

	private final AccountLinkRateLimitProperties limits;

	private final SecondFactors secondFactors;

	private final Passkeys passkeys;

	AccountSettingsController(AccountService accounts, AccountSessions sessions, LoginThrottle throttle,
			EmailAddresses addresses, RateLimiter limiter, AccountLinkRateLimitProperties limits,
			SecondFactors secondFactors, Passkeys passkeys) {
		this.secondFactors = secondFactors;
		this.passkeys = passkeys;
		this.accounts = accounts;
		this.sessions = sessions;
		this.throttle = throttle;
		this.addresses = addresses;
		this.limiter = limiter;
		this.limits = limits;
	}

	@GetMapping("/account")
	String show(@AuthenticationPrincipal AccountPrincipal me, Model model, HttpServletRequest request) {
		model.addAttribute("form", new PasswordForm("", ""));
		model.addAttribute("emailForm", new EmailForm("", ""));
		model.addAttribute("deleteForm", new DeleteForm("", false));
		return view(me, model, request);
	}

	@PostMapping("/account/password")
	String changePassword(@AuthenticationPrincipal AccountPrincipal me, @Valid @ModelAttribute("form") PasswordForm form,
			BindingResult result, Model model, HttpServletRequest request, RedirectAttributes redirect) {
		model.addAttribute("emailForm", new EmailForm("", ""));
		model.addAttribute("deleteForm", new DeleteForm("", false));
		if (result.hasErrors()) {
			return view(me, model, request);
		}
		throttle.admit(me.email(), request.getRemoteAddr(), SIGNED_IN);
		if (!accounts.changePassword(me.accountId(), form.currentPassword(), form.newPassword(),
				request.getSession().getId(), request.getRemoteAddr())) {
			throttle.failed(me.email(), request.getRemoteAddr(), SIGNED_IN);
			result.rejectValue("currentPassword", "account.password.wrong");
			return view(me, model, request);
		}
		redirect.addFlashAttribute("success", "account.password.changed");
		return "redirect:/account";
	}

	/**
	 * Asks to move the account to another address: the password again (wrong guesses count like failed logins),
	 * then a link to the new address; nothing changes until it is followed.
	 */
	@PostMapping("/account/email")
	String changeEmail(@AuthenticationPrincipal AccountPrincipal me, @Valid @ModelAttribute("emailForm") EmailForm form,
			BindingResult result, Model model, HttpServletRequest request, RedirectAttributes redirect) {
		model.addAttribute("form", new PasswordForm("", ""));
		model.addAttribute("deleteForm", new DeleteForm("", false));
		if (result.hasErrors()) {
			return view(me, model, request);
		}
		throttle.admit(me.email(), request.getRemoteAddr(), SIGNED_IN);
		limiter.consume("account-links:" + me.accountId(), limits.linksPerAccount());
		EmailAddresses.ChangeRequest outcome = addresses.requestChange(me.accountId(), form.emailPassword(),
				form.newEmail());
		switch (outcome) {
			case SENT -> {
				redirect.addFlashAttribute("success", "account.email.sent");
				return "redirect:/account";
			}
			case WRONG_PASSWORD -> {
				throttle.failed(me.email(), request.getRemoteAddr(), SIGNED_IN);
				result.rejectValue("emailPassword", "account.password.wrong");
			}
			case TAKEN -> result.rejectValue("newEmail", "signup.email.taken");
			case UNCHANGED -> result.rejectValue("newEmail", "account.email.unchanged");
		}
		return view(me, model, request);
	}

	/** Deletes the account: the password again and a ticked box, since it cannot be undone. */
	@PostMapping("/account/delete")
	String delete(@AuthenticationPrincipal AccountPrincipal me, @Valid @ModelAttribute("deleteForm") DeleteForm form,
			BindingResult result, Model model, HttpServletRequest request, RedirectAttributes redirect) {
		model.addAttribute("form", new PasswordForm("", ""));
		model.addAttribute("emailForm", new EmailForm("", ""));
		if (result.hasErrors()) {
			return view(me, model, request);
		}
		throttle.admit(me.email(), request.getRemoteAddr(), SIGNED_IN);
		switch (accounts.delete(me.accountId(), form.deletePassword())) {
			case DELETED -> {
				LinkPages.forgetLogin(request);
				redirect.addFlashAttribute("success", "account.delete.done");
				return "redirect:/";
			}
			case WRONG_PASSWORD -> {
				throttle.failed(me.email(), request.getRemoteAddr(), SIGNED_IN);
				result.rejectValue("deletePassword", "account.password.wrong");
			}
			case LAST_ADMIN -> result.reject("account.delete.lastAdmin");
		}
		return view(me, model, request);
	}

	@PostMapping("/account/sessions/{handle}/logout")
	String logOutSession(@AuthenticationPrincipal AccountPrincipal me, @PathVariable String handle,
			HttpServletRequest request, RedirectAttributes redirect) {
		boolean ended = sessions.endSession(me.email(), handle, request.getSession().getId());
		redirect.addFlashAttribute(ended ? "success" : "error", ended ? "account.session.ended" : "account.session.gone");
		return "redirect:/account";
	}

	@PostMapping("/account/sessions/others/logout")
	String logOutOthers(@AuthenticationPrincipal AccountPrincipal me, HttpServletRequest request,
			RedirectAttributes redirect) {
		sessions.endOtherSessions(me.email(), request.getSession().getId());
		redirect.addFlashAttribute("success", "account.sessions.ended");
		return "redirect:/account";
	}

	private String view(AccountPrincipal me, Model model, HttpServletRequest request) {
		model.addAttribute("sessions", sessions.sessionCount(me.email()));
		model.addAttribute("sessionList", sessions.sessions(me.email(), request.getSession().getId()));
		model.addAttribute("account", accounts.find(me.accountId()).orElseThrow(AccountNotFoundException::new));
		model.addAttribute("emailVerified", accounts.isEmailVerified(me.accountId()));
		model.addAttribute("twoFactor", secondFactors.isEnabled(me.accountId()));
		model.addAttribute("recoveryCodesLeft", secondFactors.recoveryCodesLeft(me.accountId()));
		model.addAttribute("securityEvents", secondFactors.recentEvents(me.accountId(), RECENT_EVENTS));
		model.addAttribute("passkeys", passkeys.list(me.accountId()));
		return VIEW;
	}

	record PasswordForm(@NotBlank(message = "{account.password.current.required}") String currentPassword,
			@NotBlank(message = "{signup.password.required}") @Size(min = 10, max = 200,
					message = "{signup.password.size}") String newPassword) {
	}

	record DeleteForm(@NotBlank(message = "{account.password.current.required}") String deletePassword,
			@AssertTrue(message = "{account.delete.confirm.required}") boolean confirm) {
	}

	record EmailForm(@NotBlank(message = "{account.password.current.required}") String emailPassword,
			@NotBlank(message = "{signup.email.required}") @Email(message = "{signup.email.invalid}") @Size(max = 320,
					message = "{signup.email.invalid}") String newEmail) {
	}
}
