package io.reelgate.catalog.web;

import java.time.ZoneId;
import java.util.Locale;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.catalog.BundleDetails;
import io.reelgate.catalog.Catalog;
import io.reelgate.catalog.CatalogService;
import io.reelgate.shared.BundleId;
import io.reelgate.shared.RedirectOnRefusal;
import jakarta.validation.Valid;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The bundle editor's terms of sale and going out: its gate, rental and prices in other currencies; publishing, the
 * release of a pre-order, and unpublishing.
 */
@Controller
@RequestMapping("/studio/bundles/{id}")
@RedirectOnRefusal("/studio/bundles/{id}")
class StudioBundlePricingController {

	private final CatalogService catalogService;

	private final Catalog catalog;

	private final BundleEditorPage editor;

	StudioBundlePricingController(CatalogService catalogService, Catalog catalog, BundleEditorPage editor) {
		this.catalogService = catalogService;
		this.catalog = catalog;
		this.editor = editor;
	}

	@PostMapping("/gate")
	String changeGate(@AuthenticationPrincipal AccountPrincipal me, @PathVariable BundleId id,
			@Valid @ModelAttribute("gateForm") GateForm form, BindingResult result, Locale locale, Model model,
			RedirectAttributes redirect) {
		if (result.hasErrors()) {
			BundleDetails bundle = catalog.editable(me.accountId(), id);
			model.addAttribute("form", BundleForm.of(bundle));
			return editor.show(bundle, locale, model);
		}
		switch (form.gate()) {
			case FREE -> catalogService.makeFree(me.accountId(), id);
			case EMAIL -> catalogService.requireEmail(me.accountId(), id);
			case PAID -> catalogService.charge(me.accountId(), id, form.amount(), form.currency());
			case PWYW -> catalogService.payWhatYouWant(me.accountId(), id, form.amount(), form.suggested(),
					form.currency());
		}
		redirect.addFlashAttribute("success", "gate.saved");
		return BundleEditorPage.redirectTo(id);
	}

	/** Offers a rental beside the fixed price; a blank price withdraws the offer. */
	@PostMapping("/rental")
	String offerRental(@AuthenticationPrincipal AccountPrincipal me, @PathVariable BundleId id,
			@RequestParam(defaultValue = "") String rentalPrice, @RequestParam(defaultValue = "0") int rentalHours,
			RedirectAttributes redirect) {
		catalogService.offerRental(me.accountId(), id, rentalPrice, rentalHours);
		redirect.addFlashAttribute("success", rentalPrice.isBlank() ? "rental.withdrawn" : "rental.saved");
		return BundleEditorPage.redirectTo(id);
	}

	/** Sets the bundle's price in another enabled currency; its rental price is optional. */
	@PostMapping("/prices/{currency}")
	String priceIn(@AuthenticationPrincipal AccountPrincipal me, @PathVariable BundleId id,
			@PathVariable String currency, @RequestParam(defaultValue = "") String amount,
			@RequestParam(defaultValue = "") String suggested, @RequestParam(defaultValue = "") String rental,
			RedirectAttributes redirect) {
		catalogService.priceIn(me.accountId(), id, currency, amount, suggested, rental);
		redirect.addFlashAttribute("success", "prices.saved");
		return BundleEditorPage.redirectTo(id);
	}

	@PostMapping("/prices/{currency}/delete")
	String dropPriceIn(@AuthenticationPrincipal AccountPrincipal me, @PathVariable BundleId id,
			@PathVariable String currency, RedirectAttributes redirect) {
		catalogService.dropPriceIn(me.accountId(), id, currency);
		redirect.addFlashAttribute("success", "prices.removed");
		return BundleEditorPage.redirectTo(id);
	}

	@PostMapping("/publish")
	String publish(@AuthenticationPrincipal AccountPrincipal me, @PathVariable BundleId id,
			RedirectAttributes redirect) {
		boolean published = catalogService.publish(me.accountId(), id);
		redirect.addFlashAttribute("success", published ? "bundle.published" : "bundle.submittedForReview");
		return BundleEditorPage.redirectTo(id);
	}

	@PostMapping("/release")
	String scheduleRelease(@AuthenticationPrincipal AccountPrincipal me, @PathVariable BundleId id,
			@Valid @ModelAttribute("releaseForm") ReleaseForm form, BindingResult result,
			RedirectAttributes redirect) {
		ZoneId zone = form.zoneId();
		if (result.hasErrors() || form.at() == null || zone == null) {
			catalog.editable(me.accountId(), id);
			redirect.addFlashAttribute("error", "release.invalid");
			return BundleEditorPage.redirectTo(id);
		}
		catalogService.scheduleRelease(me.accountId(), id, form.at(), zone);
		redirect.addFlashAttribute("success", "release.saved");
		return BundleEditorPage.redirectTo(id);
	}

	@PostMapping("/release/now")
	String releaseNow(@AuthenticationPrincipal AccountPrincipal me, @PathVariable BundleId id,
			RedirectAttributes redirect) {
		catalogService.releaseNow(me.accountId(), id);
		redirect.addFlashAttribute("success", "release.now.done");
		return BundleEditorPage.redirectTo(id);
	}

	@PostMapping("/unpublish")
	String unpublish(@AuthenticationPrincipal AccountPrincipal me, @PathVariable BundleId id,
			RedirectAttributes redirect) {
		catalogService.unpublish(me.accountId(), id);
		redirect.addFlashAttribute("success", "bundle.unpublished");
		return BundleEditorPage.redirectTo(id);
	}
}
