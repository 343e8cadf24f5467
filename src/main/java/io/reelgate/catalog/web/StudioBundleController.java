package io.reelgate.catalog.web;

import java.util.List;
import java.util.Locale;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.catalog.BundleDetails;
import io.reelgate.catalog.BundleTags;
import io.reelgate.catalog.Catalog;
import io.reelgate.catalog.CatalogService;
import io.reelgate.shared.BundleId;
import io.reelgate.shared.RedirectOnRefusal;
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
 * The creator's bundle editor: a new bundle, the editor page, and the bundle's words and tags. Its files and cover
 * ({@link StudioBundleFilesController}) and its gate, prices and publishing ({@link StudioBundlePricingController})
 * have controllers of their own.
 */
@Controller
@RequestMapping("/studio/bundles")
@RedirectOnRefusal("/studio/bundles/{id}")
class StudioBundleController {

	static final String NEW_VIEW = "catalog/new";

	private final CatalogService catalogService;

	private final Catalog catalog;

	private final BundleTags tags;

	private final BundleEditorPage editor;

	StudioBundleController(CatalogService catalogService, Catalog catalog, BundleTags tags, BundleEditorPage editor) {
		this.catalogService = catalogService;
		this.catalog = catalog;
		this.tags = tags;
		this.editor = editor;
	}

	@GetMapping("/new")
	String showNewForm(Model model) {
		model.addAttribute("form", BundleForm.empty());
		return NEW_VIEW;
	}

	@PostMapping
	@RedirectOnRefusal("/studio/bundles/new")
	String create(@AuthenticationPrincipal AccountPrincipal me, @Valid @ModelAttribute("form") BundleForm form,
			BindingResult result, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return NEW_VIEW;
		}
		BundleId id = catalogService.create(me.accountId(), form.toText());
		redirect.addFlashAttribute("success", "bundle.created");
		return BundleEditorPage.redirectTo(id);
	}

	@GetMapping("/{id}")
	String showEditor(@AuthenticationPrincipal AccountPrincipal me, @PathVariable BundleId id, Locale locale,
			Model model) {
		BundleDetails bundle = catalog.editable(me.accountId(), id);
		model.addAttribute("form", BundleForm.of(bundle));
		model.addAttribute("gateForm", editor.gateForm(bundle, locale));
		return editor.show(bundle, locale, model);
	}

	@PostMapping("/{id}")
	String describe(@AuthenticationPrincipal AccountPrincipal me, @PathVariable BundleId id,
			@Valid @ModelAttribute("form") BundleForm form, BindingResult result, Locale locale, Model model,
			RedirectAttributes redirect) {
		if (result.hasErrors()) {
			BundleDetails bundle = catalog.editable(me.accountId(), id);
			model.addAttribute("gateForm", editor.gateForm(bundle, locale));
			return editor.show(bundle, locale, model);
		}
		catalogService.describe(me.accountId(), id, form.toText());
		redirect.addFlashAttribute("success", "bundle.saved");
		return BundleEditorPage.redirectTo(id);
	}

	/** Replaces the bundle's tags: comma-separated words typed, and genres ticked from the operator's list. */
	@PostMapping("/{id}/tags")
	String retag(@AuthenticationPrincipal AccountPrincipal me, @PathVariable BundleId id,
			@RequestParam(defaultValue = "") List<String> genre, @RequestParam(defaultValue = "") String tags,
			RedirectAttributes redirect) {
		String all = String.join(",", genre) + "," + tags;
		this.tags.retag(me.accountId(), id, all);
		redirect.addFlashAttribute("success", "tags.saved");
		return BundleEditorPage.redirectTo(id);
	}
}
