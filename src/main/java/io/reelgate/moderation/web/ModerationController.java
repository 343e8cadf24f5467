package io.reelgate.moderation.web;

import java.util.Locale;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.catalog.BundleSummary;
import io.reelgate.catalog.Catalog;
import io.reelgate.catalog.Catalog.ModerationFilter;
import io.reelgate.moderation.AuditAction;
import io.reelgate.moderation.AuditFilter;
import io.reelgate.moderation.ModerationService;
import io.reelgate.shared.BundleId;
import io.reelgate.shared.Confirmation;
import jakarta.validation.Valid;

import org.springframework.data.domain.Page;
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

/** The admin's catalog: every bundle whatever its state, hide, remove and restore with a reason, and the audit log. */
@Controller
@RequestMapping("/admin")
class ModerationController {

	private static final String BACK = "/admin/bundles";

	static final String BUNDLES_VIEW = "moderation/bundles";

	static final String AUDIT_VIEW = "moderation/audit";

	private final Catalog catalog;

	private final ModerationService moderation;

	private final AdminConfirmations confirmation;

	ModerationController(Catalog catalog, ModerationService moderation, AdminConfirmations confirmation) {
		this.catalog = catalog;
		this.moderation = moderation;
		this.confirmation = confirmation;
	}

	@GetMapping("/bundles")
	String bundles(@RequestParam(name = "filter", defaultValue = "ALL") ModerationFilter filter,
			@RequestParam(name = "page", defaultValue = "0") int page, Model model) {
		model.addAttribute("filter", filter);
		model.addAttribute("filters", ModerationFilter.values());
		Page<BundleSummary> bundles = catalog.forModeration(filter, page);
		model.addAttribute("bundles", bundles);
		model.addAttribute("featured", catalog.featuredAmong(bundles.map(BundleSummary::id).getContent()));
		return BUNDLES_VIEW;
	}

	@PostMapping("/bundles/{id}/hide")
	String hide(@AuthenticationPrincipal AccountPrincipal me, @PathVariable BundleId id,
			@Valid @ModelAttribute ReasonForm form, BindingResult result, RedirectAttributes redirect) {
		return AdminActions.perform(result, redirect, "moderation.hidden", BACK,
				() -> moderation.hide(me, id, form.reason()));
	}

	@PostMapping("/bundles/{id}/feature")
	String feature(@AuthenticationPrincipal AccountPrincipal me, @PathVariable BundleId id,
			RedirectAttributes redirect) {
		return AdminActions.perform(redirect, "moderation.featured", BACK, () -> moderation.feature(me, id));
	}

	@PostMapping("/bundles/{id}/unfeature")
	String unfeature(@AuthenticationPrincipal AccountPrincipal me, @PathVariable BundleId id,
			RedirectAttributes redirect) {
		return AdminActions.perform(redirect, "moderation.unfeatured", BACK, () -> moderation.unfeature(me, id));
	}

	@GetMapping("/bundles/{id}/remove")
	String confirmRemoval(@AuthenticationPrincipal AccountPrincipal me, @PathVariable BundleId id, Model model,
			Locale locale) {
		return confirmation.removal(me, id, "/admin/bundles/" + id + "/remove", BACK, model, locale);
	}

	/** Only from the confirmation page; anything else is sent there and nothing is removed. */
	@PostMapping("/bundles/{id}/remove")
	String remove(@AuthenticationPrincipal AccountPrincipal me, @PathVariable BundleId id,
			@RequestParam(name = Confirmation.PARAMETER, defaultValue = "false") boolean confirmed,
			@Valid @ModelAttribute ReasonForm form, BindingResult result, RedirectAttributes redirect) {
		if (!confirmed) {
			return Confirmation.askFirst("/admin/bundles/" + id + "/remove");
		}
		return AdminActions.perform(result, redirect, "moderation.removed", BACK,
				() -> moderation.remove(me, id, form.reason()));
	}

	@PostMapping("/bundles/{id}/restore")
	String restore(@AuthenticationPrincipal AccountPrincipal me, @PathVariable BundleId id,
			@Valid @ModelAttribute ReasonForm form, BindingResult result, RedirectAttributes redirect) {
		return AdminActions.perform(result, redirect, "moderation.restored", BACK,
				() -> moderation.restore(me, id, form.reason()));
	}

	/** The audit log, filtered by actor, action, target and days; a bad filter shows the whole log with a message. */
	@GetMapping("/audit")
	String audit(@Valid @ModelAttribute("filter") AuditFilterForm filter, BindingResult result,
			@RequestParam(name = "page", defaultValue = "0") int page, Model model) {
		model.addAttribute("actions", AuditAction.values());
		if (!result.hasErrors() && !filter.datesInOrder()) {
			result.reject("audit.filter.dates");
		}
		if (result.hasErrors()) {
			model.addAttribute("entries", moderation.auditLog(AuditFilter.none(), 0));
			model.addAttribute("pageUrl", "/admin/audit");
			return AUDIT_VIEW;
		}
		model.addAttribute("entries", moderation.auditLog(filter.filter(), page));
		model.addAttribute("pageUrl", filter.url());
		return AUDIT_VIEW;
	}
}
