package io.reelgate.library.web;

import java.io.IOException;
import java.util.Locale;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.catalog.FileView;
import io.reelgate.library.DownloadLinks;
import io.reelgate.library.DownloadLinks.DownloadLinkException;
import io.reelgate.library.EmailGate;
import io.reelgate.library.EmailUnlockException;
import io.reelgate.ratelimit.RateLimiter;
import io.reelgate.shared.AccountId;
import io.reelgate.shared.BundleId;
import io.reelgate.storage.BlobDownload;
import io.reelgate.storage.BlobSender;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The email gate's pages: the address form on the bundle page posts here; the mailed link shows a page whose button
 * confirms (a GET changes nothing, so mail scanners that open links cannot use them up); the confirmation shows the
 * unlocked files, or sends a logged-in viewer to their library.
 */
@Controller
class EmailGateController {

	static final String CONFIRM_VIEW = "library/email-confirm";

	static final String UNLOCKED_VIEW = "library/email-unlocked";

	private final EmailGate gate;

	private final RateLimiter limiter;

	private final EmailUnlockRateLimitProperties limits;

	private final DownloadLinks links;

	private final BlobSender sender;

	EmailGateController(EmailGate gate, RateLimiter limiter, EmailUnlockRateLimitProperties limits,
			DownloadLinks links, BlobSender sender) {
		this.gate = gate;
		this.limiter = limiter;
		this.limits = limits;
		this.links = links;
		this.sender = sender;
	}

	@PostMapping("/bundles/{id}/email-unlock")
	String request(@AuthenticationPrincipal @Nullable AccountPrincipal me, @PathVariable BundleId id,
			@Valid @ModelAttribute("emailForm") EmailUnlockForm form, BindingResult result, HttpServletRequest request,
			RedirectAttributes redirect) {
		if (result.hasErrors()) {
			redirect.addFlashAttribute("error",
					result.hasFieldErrors("email") ? "emailGate.email.invalid" : "emailGate.consent.required");
			redirect.addFlashAttribute("emailValue", form.email());
			return "redirect:/bundles/" + id;
		}
		// Only complete forms count; each one sends a mail, so both the sender and the recipient are limited.
		limiter.consume("email-unlock:ip:" + request.getRemoteAddr(), limits.perIp());
		limiter.consume("email-unlock:email:" + form.email().strip().toLowerCase(Locale.ROOT), limits.perEmail());
		gate.request(id, form.email(), form.consent(), me == null ? null : me.accountId());
		redirect.addFlashAttribute("success", "emailGate.sent");
		return "redirect:/bundles/" + id;
	}

	@GetMapping("/email-unlocks/{token}")
	String showConfirm(@PathVariable String token, Model model) {
		model.addAttribute("bundle", gate.pending(token));
		model.addAttribute("token", token);
		return CONFIRM_VIEW;
	}

	@PostMapping("/email-unlocks/{token}")
	String confirm(@AuthenticationPrincipal @Nullable AccountPrincipal me, @PathVariable String token, Model model,
			RedirectAttributes redirect) {
		AccountId viewer = me == null ? null : me.accountId();
		EmailGate.Confirmation confirmation = gate.confirm(token, viewer);
		if (confirmation.inLibrary() && viewer != null) {
			redirect.addFlashAttribute("success", "emailGate.confirmed.library");
			return "redirect:/library";
		}
		model.addAttribute("confirmation", confirmation);
		return UNLOCKED_VIEW;
	}

	/** A locked file for whoever holds a genuine unlock link; checked against the unlock on every request. */
	@GetMapping("/email-unlocks/{unlock}/files/{file}/{expiry}/{signature}/{name}")
	void download(@PathVariable String unlock, @PathVariable String file, @PathVariable String expiry,
			@PathVariable String signature, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		FileView view = gate.authorize(links.verifyUnlock(unlock, file, expiry, signature));
		sender.send(new BlobDownload(view.storageKey(), view.size(), view.sha256(), view.createdAt(),
				view.contentType(), view.name(), true, "private, no-transform"), request, response);
	}

	@ExceptionHandler(EmailUnlockException.class)
	String refused(EmailUnlockException ex, Model model, HttpServletResponse response) {
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		model.addAttribute("problem", ex.code());
		return CONFIRM_VIEW;
	}

	@ExceptionHandler(DownloadLinkException.class)
	String badLink(DownloadLinkException ex, HttpServletResponse response, Model model) {
		response.setStatus(ex.problem() == DownloadLinks.LinkProblem.EXPIRED ? HttpStatus.GONE.value()
				: HttpStatus.FORBIDDEN.value());
		model.addAttribute("problem", "emailGate.link." + ex.problem().name().toLowerCase(Locale.ROOT));
		return CONFIRM_VIEW;
	}
}
