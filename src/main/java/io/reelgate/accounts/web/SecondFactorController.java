package io.reelgate.accounts.web;

import java.io.IOException;
import java.util.List;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.accounts.AccountSessions;
import io.reelgate.accounts.PasskeyEnrolments;
import io.reelgate.accounts.SecondFactorPolicy;
import io.reelgate.accounts.SecondFactorStatus;
import io.reelgate.accounts.SecondFactorThrottle;
import io.reelgate.accounts.SecondFactors;
import io.reelgate.accounts.SecondFactors.Check;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The second factor: the code asked for after the password, setting up an authenticator app (a QR code and the
 * secret as text, switched on by typing a code back, then ten recovery codes shown once) or, where the operator
 * requires a second factor, a passkey instead, making new recovery codes,
 * and switching the authenticator off (which needs a current code). Wrong codes count against the account's
 * {@link SecondFactorThrottle}.
 */
@Controller
class SecondFactorController {

	static final String CODE_VIEW = "accounts/second-factor";

	static final String SETUP_VIEW = "accounts/two-factor-setup";

	static final String CODES_VIEW = "accounts/recovery-codes";

	private final SecondFactors secondFactors;

	private final SecondFactorThrottle throttle;

	private final SecondFactorSessions sessions;

	private final SecondFactorPolicy policy;

	private final AccountSessions accounts;

	SecondFactorController(SecondFactors secondFactors, SecondFactorThrottle throttle, SecondFactorSessions sessions,
			SecondFactorPolicy policy, AccountSessions accounts) {
		this.secondFactors = secondFactors;
		this.throttle = throttle;
		this.sessions = sessions;
		this.policy = policy;
		this.accounts = accounts;
	}

	/** After the password, or again for a dangerous action when the code shown earlier is too old (a step-up). */
	@GetMapping("/login/second-factor")
	String showCode(@AuthenticationPrincipal AccountPrincipal me, Authentication authentication, Model model) {
		model.addAttribute("stepUp", authentication.getAuthorities().stream()
			.anyMatch(authority -> SecondFactors.FACTOR_AUTHORITY.equals(authority.getAuthority())));
		model.addAttribute("totp", secondFactors.isEnabled(me.accountId()));
		model.addAttribute("passkey", secondFactors.hasPasskey(me.accountId()));
		return me.secondFactor() == SecondFactorStatus.ENROLLED ? CODE_VIEW : "redirect:/";
	}

	@PostMapping("/login/second-factor")
	String checkCode(@AuthenticationPrincipal AccountPrincipal me, @RequestParam(defaultValue = "") String code,
			Model model, HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect)
			throws IOException, ServletException {
		throttle.admit(me.accountId());
		Check check = secondFactors.verify(me.accountId(), code, request.getRemoteAddr());
		if (!check.passed()) {
			throttle.failed(me.accountId());
			model.addAttribute("error", "secondFactor.code." + check.name());
			model.addAttribute("totp", secondFactors.isEnabled(me.accountId()));
			model.addAttribute("passkey", secondFactors.hasPasskey(me.accountId()));
			return CODE_VIEW;
		}
		sessions.passed(me, request, response);
		sessions.continueTo(request, response);
		return null;
	}

	@GetMapping("/account/two-factor/setup")
	String showSetup(@AuthenticationPrincipal AccountPrincipal me, Model model) {
		return setup(me, model);
	}

	/**
	 * Switches the authenticator on once a code from it is right. Every other session of the account ends: whoever
	 * else was signed in never showed this factor.
	 */
	@PostMapping("/account/two-factor/setup")
	String confirmSetup(@AuthenticationPrincipal AccountPrincipal me, @RequestParam(defaultValue = "") String code,
			Model model, HttpServletRequest request, HttpServletResponse response) {
		throttle.admit(me.accountId());
		var codes = secondFactors.confirm(me.accountId(), code, request.getRemoteAddr());
		if (codes.isEmpty()) {
			throttle.failed(me.accountId());
			if (!secondFactors.settingUp(me.accountId())) {
				// Nothing was shown to confirm (a stale or forged post): a refused code stores no new secret.
				return "redirect:/account/two-factor/setup";
			}
			model.addAttribute("error", "secondFactor.code.WRONG");
			return setup(me, model);
		}
		// Before the session id changes: the sessions stored so far know this one by its old id.
		accounts.endOtherSessions(me.email(), request.getSession().getId());
		sessions.passed(me.withSecondFactor(SecondFactorStatus.ENROLLED), request, response);
		return recoveryCodes(codes.get(), "secondFactor.enabled", model);
	}

	/**
	 * A session sent to set up a second factor that made a passkey instead (passkeys.js comes here when the browser's
	 * ceremony is done): that passkey is its second factor now, and every other session ends, as for an
	 * authenticator. Any other visit (a passkey made elsewhere, none at all) changes nothing.
	 */
	@GetMapping("/account/two-factor/setup/passkey")
	String passkeySetUp(@AuthenticationPrincipal AccountPrincipal me, HttpServletRequest request,
			HttpServletResponse response) throws IOException, ServletException {
		if (me.secondFactor() != SecondFactorStatus.ENROLMENT_REQUIRED
				|| !PasskeyEnrolments.take(request.getSession(), me.accountId())) {
			return "redirect:/account";
		}
		accounts.endOtherSessions(me.email(), request.getSession().getId());
		sessions.passed(me.withSecondFactor(SecondFactorStatus.ENROLLED), request, response);
		sessions.continueTo(request, response);
		return null;
	}

	@PostMapping("/account/two-factor/recovery-codes")
	String renewRecoveryCodes(@AuthenticationPrincipal AccountPrincipal me, Model model, HttpServletRequest request,
			RedirectAttributes redirect) {
		var codes = secondFactors.renewRecoveryCodes(me.accountId(), request.getRemoteAddr());
		if (codes.isEmpty()) {
			redirect.addFlashAttribute("error", "secondFactor.code.NOT_ENROLLED");
			return "redirect:/account";
		}
		return recoveryCodes(codes.get(), "secondFactor.codes.renewed", model);
	}

	/** Switching off needs a current code (or a recovery code), and is refused where the operator requires one. */
	@PostMapping("/account/two-factor/disable")
	String disable(@AuthenticationPrincipal AccountPrincipal me, @RequestParam(defaultValue = "") String code,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		if (policy.requires(me.accountId(), me.role())) {
			redirect.addFlashAttribute("error", "secondFactor.disable.required");
			return "redirect:/account";
		}
		throttle.admit(me.accountId());
		Check check = secondFactors.verify(me.accountId(), code, request.getRemoteAddr());
		if (!check.passed()) {
			throttle.failed(me.accountId());
			redirect.addFlashAttribute("error", "secondFactor.code." + check.name());
			return "redirect:/account";
		}
		secondFactors.disable(me.accountId(), request.getRemoteAddr());
		// Passkeys left are still a second factor.
		sessions.removed(me, secondFactors.status(me.accountId(), me.role()), request, response);
		redirect.addFlashAttribute("success", "secondFactor.disabled");
		return "redirect:/account";
	}

	private String setup(AccountPrincipal me, Model model) {
		var enrolment = secondFactors.enrolment(me.accountId(), me.email());
		if (enrolment.isEmpty()) {
			return "redirect:/account";
		}
		model.addAttribute("secret", enrolment.get().secret().replaceAll("(.{4})(?!$)", "$1 "));
		model.addAttribute("qr", QrCodes.svgDataUrl(enrolment.get().uri()));
		model.addAttribute("required", me.secondFactor() == SecondFactorStatus.ENROLMENT_REQUIRED);
		return SETUP_VIEW;
	}

	private static String recoveryCodes(List<String> codes, String message, Model model) {
		model.addAttribute("codes", codes);
		model.addAttribute("success", message);
		return CODES_VIEW;
	}
}
