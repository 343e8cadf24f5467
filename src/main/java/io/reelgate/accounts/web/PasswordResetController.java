package io.reelgate.accounts.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

import io.reelgate.accounts.KnownDevices;
import io.reelgate.accounts.LinkOutcome;
import io.reelgate.accounts.PasswordReset;
import io.reelgate.ratelimit.RateLimiter;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.WebUtils;

/** "Forgot your password?" and the page the mailed link opens. */
@Controller
class PasswordResetController {

	static final String FORGOT_VIEW = "accounts/forgot-password";

	static final String RESET_VIEW = "accounts/reset-password";

	private final PasswordReset reset;

	private final RateLimiter limiter;

	private final AccountLinkRateLimitProperties limits;

	private final KnownDevices devices;

	PasswordResetController(PasswordReset reset, RateLimiter limiter, AccountLinkRateLimitProperties limits,
			KnownDevices devices) {
		this.reset = reset;
		this.limiter = limiter;
		this.limits = limits;
		this.devices = devices;
	}

	@GetMapping("/password/forgot")
	String showForgot(Model model) {
		model.addAttribute("form", new ForgotForm(""));
		return FORGOT_VIEW;
	}

	/**
	 * The same redirect and message whether or not an account has the address, and whether or not a mail goes out:
	 * only the client address's limit refuses (a 429 that says nothing about the email). The caps per email address
	 * are silent and spent for unknown addresses too, so neither the answer nor its timing tells which addresses have
	 * accounts, and nobody asking for someone else's address can make the owner's own request fail.
	 */
	@PostMapping("/password/forgot")
	String requestLink(@Valid @ModelAttribute("form") ForgotForm form, BindingResult result,
			HttpServletRequest request, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return FORGOT_VIEW;
		}
		String address = request.getRemoteAddr();
		limiter.consume("password-reset:ip:" + address, limits.resetPerIp());
		String email = hashed(form.email());
		if (limiter.tryConsume("password-reset:email-ip:" + email + ":" + address, limits.resetPerEmailAndIp())
				&& (ownersDevice(request, form.email())
						|| limiter.tryConsume("password-reset:email:" + email, limits.resetPerEmail()))) {
			reset.request(form.email());
		}
		redirect.addFlashAttribute("success", "password.forgot.sent");
		return "redirect:/password/forgot";
	}

	@GetMapping("/password/reset")
	String showReset(@RequestParam(name = "token", defaultValue = "") String token, HttpServletResponse response,
			Model model) {
		LinkOutcome problem = reset.check(token);
		if (problem != null) {
			return LinkPages.problem(problem, response, model);
		}
		model.addAttribute("form", new ResetForm(token, ""));
		return RESET_VIEW;
	}

	@PostMapping("/password/reset")
	String resetPassword(@Valid @ModelAttribute("form") ResetForm form, BindingResult result,
			HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return RESET_VIEW;
		}
		LinkOutcome outcome = reset.reset(form.token(), form.newPassword());
		if (!outcome.succeeded()) {
			return LinkPages.problem(outcome, response, model);
		}
		LinkPages.forgetLogin(request);
		redirect.addFlashAttribute("success", "password.reset.done");
		return "redirect:/login";
	}

	/** A browser that signed in as this address before is the owner's: others' requests never use up its mail. */
	private boolean ownersDevice(HttpServletRequest request, String email) {
		Cookie cookie = WebUtils.getCookie(request, KnownDevices.COOKIE);
		return cookie != null && devices.recognises(cookie.getValue(), email);
	}

	/** The address is hashed, so the bucket table does not list who asked. */
	private static String hashed(String email) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(email.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JDK has SHA-256", ex);
		}
	}

	record ForgotForm(@NotBlank(message = "{signup.email.required}") @Email(message = "{signup.email.invalid}")
			@Size(max = 320) String email) {
	}

	record ResetForm(String token, @NotBlank(message = "{signup.password.required}") @Size(min = 10, max = 200,
			message = "{signup.password.size}") String newPassword) {
	}
}
