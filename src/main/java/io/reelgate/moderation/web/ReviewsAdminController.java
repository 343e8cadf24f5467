package io.reelgate.moderation.web;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.moderation.ModerationService;
import io.reelgate.shared.BundleId;
import jakarta.validation.Valid;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The pre-moderation queue: new creators' bundles waiting for review, approved or sent back with a reason. */
@Controller
@RequestMapping("/admin/reviews")
class ReviewsAdminController {

	private static final String BACK = "/admin/reviews";

	static final String VIEW = "moderation/reviews";

	private final ModerationService moderation;

	ReviewsAdminController(ModerationService moderation) {
		this.moderation = moderation;
	}

	@GetMapping
	String queue(@RequestParam(name = "page", defaultValue = "0") int page, Model model) {
		model.addAttribute("bundles", moderation.reviewQueue(page));
		return VIEW;
	}

	@PostMapping("/{id}/approve")
	String approve(@AuthenticationPrincipal AccountPrincipal me, @PathVariable BundleId id,
			@Valid @ModelAttribute ReasonForm form, BindingResult result, RedirectAttributes redirect) {
		return AdminActions.perform(result, redirect, "reviews.admin.approved", BACK,
				() -> moderation.approve(me, id, form.reason()));
	}

	@PostMapping("/{id}/reject")
	String reject(@AuthenticationPrincipal AccountPrincipal me, @PathVariable BundleId id,
			@Valid @ModelAttribute ReasonForm form, BindingResult result, RedirectAttributes redirect) {
		return AdminActions.perform(result, redirect, "reviews.admin.rejected", BACK,
				() -> moderation.reject(me, id, form.reason()));
	}
}
