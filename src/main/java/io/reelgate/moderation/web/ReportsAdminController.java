package io.reelgate.moderation.web;

import java.util.Locale;
import java.util.UUID;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.accounts.AccountStatus;
import io.reelgate.moderation.AppealService;
import io.reelgate.moderation.ReportService;
import io.reelgate.shared.AccountId;
import io.reelgate.shared.BundleId;
import io.reelgate.shared.Confirmation;
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

/**
 * The report queue: open reports grouped by bundle and, apart, reports about creators grouped by creator, oldest
 * first, each group resolved by one action; and creators' open appeals, each upheld (undoing the action) or rejected.
 */
@Controller
@RequestMapping("/admin/reports")
class ReportsAdminController {

	private static final String BACK = "/admin/reports";

	static final String VIEW = "moderation/reports";

	private final ReportService reports;

	private final AppealService appeals;

	private final AdminConfirmations confirmation;

	ReportsAdminController(ReportService reports, AppealService appeals, AdminConfirmations confirmation) {
		this.reports = reports;
		this.appeals = appeals;
		this.confirmation = confirmation;
	}

	@GetMapping
	String queue(Model model) {
		model.addAttribute("groups", reports.openQueue());
		model.addAttribute("creatorGroups", reports.openCreatorQueue());
		model.addAttribute("appeals", appeals.openAppeals());
		return VIEW;
	}

	@PostMapping("/bundles/{id}/dismiss")
	String dismiss(@AuthenticationPrincipal AccountPrincipal me, @PathVariable BundleId id,
			@Valid @ModelAttribute ReasonForm form, BindingResult result, RedirectAttributes redirect) {
		return AdminActions.perform(result, redirect, "reports.admin.dismissed", BACK,
				() -> reports.dismiss(me, id, form.reason()));
	}

	@PostMapping("/bundles/{id}/hide")
	String hide(@AuthenticationPrincipal AccountPrincipal me, @PathVariable BundleId id,
			@Valid @ModelAttribute ReasonForm form, BindingResult result, RedirectAttributes redirect) {
		return AdminActions.perform(result, redirect, "reports.admin.hidden", BACK,
				() -> reports.hide(me, id, form.reason()));
	}

	@GetMapping("/bundles/{id}/remove")
	String confirmRemoval(@AuthenticationPrincipal AccountPrincipal me, @PathVariable BundleId id, Model model,
			Locale locale) {
		return confirmation.removal(me, id, BACK + "/bundles/" + id + "/remove", BACK, model, locale);
	}

	/** Only from the confirmation page; anything else is sent there and nothing is removed. */
	@PostMapping("/bundles/{id}/remove")
	String remove(@AuthenticationPrincipal AccountPrincipal me, @PathVariable BundleId id,
			@RequestParam(name = Confirmation.PARAMETER, defaultValue = "false") boolean confirmed,
			@Valid @ModelAttribute ReasonForm form, BindingResult result, RedirectAttributes redirect) {
		if (!confirmed) {
			return Confirmation.askFirst(BACK + "/bundles/" + id + "/remove");
		}
		return AdminActions.perform(result, redirect, "reports.admin.removed", BACK,
				() -> reports.remove(me, id, form.reason()));
	}

	@GetMapping("/bundles/{id}/suspend")
	String confirmSuspension(@AuthenticationPrincipal AccountPrincipal me, @PathVariable BundleId id, Model model) {
		return confirmation.accountStatus(me, reports.creatorOf(id), AccountStatus.SUSPENDED,
				BACK + "/bundles/" + id + "/suspend", BACK, model);
	}

	/** Only from the confirmation page, like removal. */
	@PostMapping("/bundles/{id}/suspend")
	String suspend(@AuthenticationPrincipal AccountPrincipal me, @PathVariable BundleId id,
			@RequestParam(name = Confirmation.PARAMETER, defaultValue = "false") boolean confirmed,
			@Valid @ModelAttribute ReasonForm form, BindingResult result, RedirectAttributes redirect) {
		if (!confirmed) {
			return Confirmation.askFirst(BACK + "/bundles/" + id + "/suspend");
		}
		return AdminActions.perform(result, redirect, "reports.admin.suspended", BACK,
				() -> reports.suspendCreator(me, id, form.reason()));
	}

	@PostMapping("/creators/{id}/dismiss")
	String dismissAboutCreator(@AuthenticationPrincipal AccountPrincipal me, @PathVariable AccountId id,
			@Valid @ModelAttribute ReasonForm form, BindingResult result, RedirectAttributes redirect) {
		return AdminActions.perform(result, redirect, "reports.admin.dismissed", BACK,
				() -> reports.dismissAboutCreator(me, id, form.reason()));
	}

	@GetMapping("/creators/{id}/suspend")
	String confirmSuspendReportedCreator(@AuthenticationPrincipal AccountPrincipal me, @PathVariable AccountId id,
			Model model) {
		return confirmation.accountStatus(me, id, AccountStatus.SUSPENDED, BACK + "/creators/" + id + "/suspend", BACK,
				model);
	}

	@PostMapping("/creators/{id}/suspend")
	String suspendReportedCreator(@AuthenticationPrincipal AccountPrincipal me, @PathVariable AccountId id,
			@RequestParam(name = Confirmation.PARAMETER, defaultValue = "false") boolean confirmed,
			@Valid @ModelAttribute ReasonForm form, BindingResult result, RedirectAttributes redirect) {
		if (!confirmed) {
			return Confirmation.askFirst(BACK + "/creators/" + id + "/suspend");
		}
		return AdminActions.perform(result, redirect, "reports.admin.suspended", BACK,
				() -> reports.actOnCreator(me, id, AccountStatus.SUSPENDED, form.reason()));
	}

	@GetMapping("/creators/{id}/ban")
	String confirmBanReportedCreator(@AuthenticationPrincipal AccountPrincipal me, @PathVariable AccountId id,
			Model model) {
		return confirmation.accountStatus(me, id, AccountStatus.BANNED, BACK + "/creators/" + id + "/ban", BACK,
				model);
	}

	@PostMapping("/creators/{id}/ban")
	String banReportedCreator(@AuthenticationPrincipal AccountPrincipal me, @PathVariable AccountId id,
			@RequestParam(name = Confirmation.PARAMETER, defaultValue = "false") boolean confirmed,
			@Valid @ModelAttribute ReasonForm form, BindingResult result, RedirectAttributes redirect) {
		if (!confirmed) {
			return Confirmation.askFirst(BACK + "/creators/" + id + "/ban");
		}
		return AdminActions.perform(result, redirect, "reports.admin.banned", BACK,
				() -> reports.actOnCreator(me, id, AccountStatus.BANNED, form.reason()));
	}

	@PostMapping("/appeals/{id}/uphold")
	String uphold(@AuthenticationPrincipal AccountPrincipal me, @PathVariable UUID id,
			@Valid @ModelAttribute ReasonForm form, BindingResult result, RedirectAttributes redirect) {
		return AdminActions.perform(result, redirect, "appeals.admin.upheld", BACK,
				() -> appeals.uphold(me, id, form.reason()));
	}

	@PostMapping("/appeals/{id}/reject")
	String reject(@AuthenticationPrincipal AccountPrincipal me, @PathVariable UUID id,
			@Valid @ModelAttribute ReasonForm form, BindingResult result, RedirectAttributes redirect) {
		return AdminActions.perform(result, redirect, "appeals.admin.rejected", BACK,
				() -> appeals.reject(me, id, form.reason()));
	}
}
