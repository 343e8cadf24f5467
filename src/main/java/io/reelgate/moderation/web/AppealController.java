package io.reelgate.moderation.web;

import java.util.UUID;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.moderation.AppealService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A creator appeals, from their studio, against an action that hid a bundle or suspended their account. */
@Controller
class AppealController {

	private final AppealService appeals;

	AppealController(AppealService appeals) {
		this.appeals = appeals;
	}

	@PostMapping("/studio/appeals/{actionId}")
	String appeal(@AuthenticationPrincipal AccountPrincipal me, @PathVariable UUID actionId,
			@Valid @ModelAttribute AppealForm form, BindingResult result, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			redirect.addFlashAttribute("error", "appeal.text.required");
			return "redirect:/studio";
		}
		try {
			appeals.appeal(me.accountId(), actionId, form.text());
			redirect.addFlashAttribute("success", "appeal.sent");
		}
		catch (IllegalStateException ex) {
			redirect.addFlashAttribute("error", "appeal.once");
		}
		catch (IllegalArgumentException ex) {
			redirect.addFlashAttribute("error", "appeal.notYours");
		}
		return "redirect:/studio";
	}

	record AppealForm(@NotBlank @Size(max = 4000) String text) {
	}
}
