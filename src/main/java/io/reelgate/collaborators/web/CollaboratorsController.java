package io.reelgate.collaborators.web;

import java.util.List;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.catalog.BundleDetails;
import io.reelgate.catalog.Catalog;
import io.reelgate.checkout.PayoutOnboarding;
import io.reelgate.checkout.Payouts;
import io.reelgate.checkout.Sellers;
import io.reelgate.collaborators.CollaboratorRefusedException;
import io.reelgate.collaborators.Collaborations;
import io.reelgate.notifications.CollaboratorMails;
import io.reelgate.shared.BundleId;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A bundle's collaborators in the studio (invite by email with a share), the invitee's page to accept, and a
 * collaborator's earnings per bundle. The invitation mail is sent after the invitation committed.
 */
@Controller
class CollaboratorsController {

	static final String STUDIO_VIEW = "collaborators/studio";

	static final String INVITATION_VIEW = "collaborators/invitation";

	static final String EARNINGS_VIEW = "collaborators/earnings";

	private final Collaborations collaborations;

	private final Catalog catalog;

	private final CollaboratorMails mails;

	private final Payouts payouts;

	private final Sellers sellers;

	private final ObjectProvider<PayoutOnboarding> onboarding;

	CollaboratorsController(Collaborations collaborations, Catalog catalog, CollaboratorMails mails,
			Payouts payouts, Sellers sellers, ObjectProvider<PayoutOnboarding> onboarding) {
		this.collaborations = collaborations;
		this.catalog = catalog;
		this.mails = mails;
		this.payouts = payouts;
		this.sellers = sellers;
		this.onboarding = onboarding;
	}

	@GetMapping("/studio/bundles/{bundleId}/collaborators")
	String show(@AuthenticationPrincipal AccountPrincipal me, @PathVariable BundleId bundleId, Model model) {
		return page(me, bundleId, new InviteForm("", ""), model);
	}

	@PostMapping("/studio/bundles/{bundleId}/collaborators")
	String invite(@AuthenticationPrincipal AccountPrincipal me, @PathVariable BundleId bundleId, InviteForm form,
			Model model, RedirectAttributes redirect) {
		Collaborations.Invitation invitation;
		try {
			invitation = collaborations.invite(me.accountId(), bundleId, form.email(), form.percent());
		}
		catch (CollaboratorRefusedException ex) {
			// The layout shows it as the form's message; the page keeps what was typed.
			model.addAttribute("error", ex.code());
			model.addAttribute("errorArgs", ex.arguments());
			return page(me, bundleId, form, model);
		}
		mails.sendInvitation(invitation.email(), me.displayName(), invitation.title(), invitation.percent(),
				"/collaborations/" + invitation.token());
		redirect.addFlashAttribute("success", "collaborators.invited.done");
		return "redirect:/studio/bundles/" + bundleId + "/collaborators";
	}

	@GetMapping("/collaborations/{token}")
	String invitation(@PathVariable String token, Model model) {
		Collaborations.Invited invited = collaborations.invitation(token).orElse(null);
		model.addAttribute("invited", invited);
		model.addAttribute("token", token);
		if (invited != null) {
			model.addAttribute("title", catalog.titles(List.of(invited.bundle())).getOrDefault(invited.bundle(), ""));
		}
		return INVITATION_VIEW;
	}

	@PostMapping("/collaborations/{token}")
	String accept(@AuthenticationPrincipal AccountPrincipal me, @PathVariable String token,
			RedirectAttributes redirect) {
		try {
			collaborations.accept(me.accountId(), token);
		}
		catch (CollaboratorRefusedException ex) {
			redirect.addFlashAttribute("error", ex.code());
			return "redirect:/collaborations/" + token;
		}
		redirect.addFlashAttribute("success", "collaborators.accepted");
		return "redirect:/collaborations";
	}

	@GetMapping("/collaborations")
	String earnings(@AuthenticationPrincipal AccountPrincipal me, Model model) {
		List<Payouts.PartyEarnings> earnings = payouts.earningsOf(me.accountId());
		model.addAttribute("earnings", earnings);
		model.addAttribute("titles", catalog.titles(earnings.stream().map(Payouts.PartyEarnings::bundle).toList()));
		// With a gateway that pays parties out, a collaborator sets up where their shares go from here.
		if (onboarding.getIfAvailable() != null && collaborations.collaborates(me.accountId())) {
			model.addAttribute("payouts", sellers.status(me.accountId()));
		}
		return EARNINGS_VIEW;
	}

	private String page(AccountPrincipal me, BundleId bundleId, InviteForm form, Model model) {
		List<Collaborations.Collaborator> collaborators = collaborations.of(me.accountId(), bundleId);
		BundleDetails bundle = catalog.editable(me.accountId(), bundleId);
		model.addAttribute("bundle", bundle.summary());
		model.addAttribute("collaborators", collaborators);
		model.addAttribute("form", form);
		return STUDIO_VIEW;
	}

	/** What the invitation form sends: an address and a percentage ("33.33"). */
	record InviteForm(String email, String percent) {

		InviteForm {
			email = email == null ? "" : email;
			percent = percent == null ? "" : percent;
		}
	}
}
