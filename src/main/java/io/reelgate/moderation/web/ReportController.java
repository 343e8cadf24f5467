package io.reelgate.moderation.web;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.accounts.AccountService;
import io.reelgate.accounts.Role;
import io.reelgate.catalog.BundleNotFoundException;
import io.reelgate.catalog.Catalog;
import io.reelgate.moderation.ReportCategory;
import io.reelgate.moderation.ReportService;
import io.reelgate.ratelimit.RateLimiter;
import io.reelgate.shared.AccountId;
import io.reelgate.shared.BundleId;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

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
 * Anyone, logged in or not, reports a bundle in the storefront or a creator from their public page; limited per
 * client address, one budget for both kinds.
 */
@Controller
class ReportController {

	static final String VIEW = "moderation/report";

	private final ReportService reports;

	private final Catalog catalog;

	private final AccountService accounts;

	private final RateLimiter limiter;

	private final ReportRateLimitProperties limits;

	ReportController(ReportService reports, Catalog catalog, AccountService accounts, RateLimiter limiter,
			ReportRateLimitProperties limits) {
		this.reports = reports;
		this.catalog = catalog;
		this.accounts = accounts;
		this.limiter = limiter;
		this.limits = limits;
	}

	@GetMapping("/bundles/{id}/report")
	String showForm(@PathVariable BundleId id, Model model) {
		model.addAttribute("form", ReportForm.empty());
		return form(id, model);
	}

	@PostMapping("/bundles/{id}/report")
	String report(@AuthenticationPrincipal @Nullable AccountPrincipal me, @PathVariable BundleId id,
			@Valid @ModelAttribute("form") ReportForm form, BindingResult result, Model model,
			HttpServletRequest request, RedirectAttributes redirect) {
		if (!valid(form, result)) {
			return form(id, model);
		}
		limit(request);
		reports.submit(form.toReport(id, me == null ? null : me.accountId()));
		redirect.addFlashAttribute("success", "report.thanks");
		return "redirect:/bundles/" + id;
	}

	@GetMapping("/creators/{id}/report")
	String showCreatorForm(@PathVariable AccountId id, Model model) {
		model.addAttribute("form", ReportForm.empty());
		return creatorForm(id, model);
	}

	@PostMapping("/creators/{id}/report")
	String reportCreator(@AuthenticationPrincipal @Nullable AccountPrincipal me, @PathVariable AccountId id,
			@Valid @ModelAttribute("form") ReportForm form, BindingResult result, Model model,
			HttpServletRequest request, RedirectAttributes redirect) {
		if (!valid(form, result)) {
			return creatorForm(id, model);
		}
		limit(request);
		reports.submitAboutCreator(id, form.toReport(null, me == null ? null : me.accountId()));
		redirect.addFlashAttribute("success", "report.thanks");
		return "redirect:/creators/" + id;
	}

	private String form(BundleId id, Model model) {
		model.addAttribute("bundle", catalog.acquirable(id));
		model.addAttribute("categories", ReportCategory.values());
		return VIEW;
	}

	private String creatorForm(AccountId id, Model model) {
		model.addAttribute("creator", accounts.find(id).filter(a -> a.role() == Role.CREATOR)
			.orElseThrow(BundleNotFoundException::new));
		model.addAttribute("categories", ReportCategory.values());
		return VIEW;
	}

	private void limit(HttpServletRequest request) {
		limiter.consume("report:ip:" + request.getRemoteAddr(), limits.perIp());
	}

	private static boolean valid(ReportForm form, BindingResult result) {
		if (result.getTarget() == null) {
			// A field did not convert (a category or tick box no form sends), so no form could be built to check.
			return false;
		}
		if (form.isCopyright()) {
			requireForCopyright(form.claimant(), "claimant", result);
			requireForCopyright(form.work(), "work", result);
			requireForCopyright(form.contact(), "contact", result);
			if (!form.statementGiven()) {
				result.rejectValue("statement", "report.statement.required");
			}
		}
		return !result.hasErrors();
	}

	private static void requireForCopyright(String value, String field, BindingResult result) {
		if ((value == null || value.isBlank()) && !result.hasFieldErrors(field)) {
			result.rejectValue(field, "report." + field + ".required");
		}
	}
}
