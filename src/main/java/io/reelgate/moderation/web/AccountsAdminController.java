package io.reelgate.moderation.web;

import java.util.List;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.accounts.AccountStatus;
import io.reelgate.accounts.AccountView;
import io.reelgate.accounts.LastAdminException;
import io.reelgate.moderation.ModerationService;
import io.reelgate.shared.AccountId;
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
 * The admin's list of accounts: search by email or name; suspend, ban or restore a creator, or trust them to skip
 * pre-moderation, with a reason.
 */
@Controller
@RequestMapping("/admin/accounts")
class AccountsAdminController {

	static final String VIEW = "moderation/accounts";

	private final ModerationService moderation;

	private final AdminConfirmations confirmation;

	AccountsAdminController(ModerationService moderation, AdminConfirmations confirmation) {
		this.moderation = moderation;
		this.confirmation = confirmation;
	}

	@GetMapping
	String accounts(@RequestParam(name = "q", defaultValue = "") String query, Model model) {
		model.addAttribute("q", query);
		List<AccountView> accounts = moderation.findAccounts(query);
		model.addAttribute("accounts", accounts);
		model.addAttribute("trusted", moderation.trustedAmong(accounts.stream().map(AccountView::id).toList()));
		return VIEW;
	}

	@GetMapping("/{id}/suspend")
	String confirmSuspend(@AuthenticationPrincipal AccountPrincipal me, @PathVariable AccountId id, Model model) {
		return confirmation.accountStatus(me, id, AccountStatus.SUSPENDED, "/admin/accounts/" + id + "/suspend",
				"/admin/accounts", model);
	}

	/** Only from the confirmation page, which names the bundles that leave the storefront. */
	@PostMapping("/{id}/suspend")
	String suspend(@AuthenticationPrincipal AccountPrincipal me, @PathVariable AccountId id,
			@RequestParam(name = Confirmation.PARAMETER, defaultValue = "false") boolean confirmed,
			@Valid @ModelAttribute ReasonForm form, BindingResult result, RedirectAttributes redirect) {
		if (!confirmed) {
			return Confirmation.askFirst("/admin/accounts/" + id + "/suspend");
		}
		return change(me, id, AccountStatus.SUSPENDED, form, result, redirect);
	}

	@GetMapping("/{id}/ban")
	String confirmBan(@AuthenticationPrincipal AccountPrincipal me, @PathVariable AccountId id, Model model) {
		return confirmation.accountStatus(me, id, AccountStatus.BANNED, "/admin/accounts/" + id + "/ban",
				"/admin/accounts", model);
	}

	/** Only from the confirmation page, which names the bundles that leave the storefront. */
	@PostMapping("/{id}/ban")
	String ban(@AuthenticationPrincipal AccountPrincipal me, @PathVariable AccountId id,
			@RequestParam(name = Confirmation.PARAMETER, defaultValue = "false") boolean confirmed,
			@Valid @ModelAttribute ReasonForm form, BindingResult result, RedirectAttributes redirect) {
		if (!confirmed) {
			return Confirmation.askFirst("/admin/accounts/" + id + "/ban");
		}
		return change(me, id, AccountStatus.BANNED, form, result, redirect);
	}

	@PostMapping("/{id}/restore")
	String restore(@AuthenticationPrincipal AccountPrincipal me, @PathVariable AccountId id,
			@Valid @ModelAttribute ReasonForm form, BindingResult result, RedirectAttributes redirect) {
		return change(me, id, AccountStatus.ACTIVE, form, result, redirect);
	}

	@PostMapping("/{id}/trust")
	String trust(@AuthenticationPrincipal AccountPrincipal me, @PathVariable AccountId id,
			@Valid @ModelAttribute ReasonForm form, BindingResult result, RedirectAttributes redirect) {
		return act(result, redirect, "accounts.admin.trusted", () -> moderation.trust(me, id, true, form.reason()));
	}

	@PostMapping("/{id}/distrust")
	String distrust(@AuthenticationPrincipal AccountPrincipal me, @PathVariable AccountId id,
			@Valid @ModelAttribute ReasonForm form, BindingResult result, RedirectAttributes redirect) {
		return act(result, redirect, "accounts.admin.distrusted", () -> moderation.trust(me, id, false, form.reason()));
	}

	@PostMapping("/{id}/grant-admin")
	String grantAdmin(@AuthenticationPrincipal AccountPrincipal me, @PathVariable AccountId id,
			@Valid @ModelAttribute ReasonForm form, BindingResult result, RedirectAttributes redirect) {
		return act(result, redirect, "accounts.admin.granted", () -> moderation.grantAdmin(me, id, form.reason()));
	}

	@PostMapping("/{id}/revoke-admin")
	String revokeAdmin(@AuthenticationPrincipal AccountPrincipal me, @PathVariable AccountId id,
			@Valid @ModelAttribute ReasonForm form, BindingResult result, RedirectAttributes redirect) {
		return act(result, redirect, "accounts.admin.revoked", () -> moderation.revokeAdmin(me, id, form.reason()));
	}

	private String change(AccountPrincipal me, AccountId id, AccountStatus status, ReasonForm form,
			BindingResult result, RedirectAttributes redirect) {
		return act(result, redirect, "accounts.admin.changed." + status,
				() -> moderation.changeAccountStatus(me, id, status, form.reason()));
	}

	/** Runs an action only with a valid reason, and goes back to the list with the outcome. */
	private static String act(BindingResult result, RedirectAttributes redirect, String success, Runnable action) {
		if (result.hasErrors()) {
			redirect.addFlashAttribute("error", "moderation.reason.required");
			return "redirect:/admin/accounts";
		}
		try {
			action.run();
			redirect.addFlashAttribute("success", success);
		}
		catch (LastAdminException ex) {
			redirect.addFlashAttribute("error", "accounts.admin.lastAdmin");
		}
		catch (IllegalStateException ex) {
			redirect.addFlashAttribute("error", "accounts.admin.notAllowed");
		}
		return "redirect:/admin/accounts";
	}
}
