package io.reelgate.studio;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.catalog.BundleSummary;
import io.reelgate.catalog.Catalog;
import io.reelgate.catalog.PriceRules;
import io.reelgate.checkout.DiscountCodeException;
import io.reelgate.checkout.DiscountService;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** A creator's discount codes: list with uses and shareable links, create, disable. */
@Controller
@RequestMapping("/studio/discounts")
class DiscountsController {

	static final String VIEW = "studio/discounts";

	private final DiscountService discounts;

	private final Catalog catalog;

	private final PriceRules priceRules;

	DiscountsController(DiscountService discounts, Catalog catalog, PriceRules priceRules) {
		this.discounts = discounts;
		this.catalog = catalog;
		this.priceRules = priceRules;
	}

	@GetMapping
	String show(@AuthenticationPrincipal AccountPrincipal me, Model model) {
		model.addAttribute("form", DiscountCodeForm.empty(priceRules.currencies().get(0)));
		return page(me, model);
	}

	@PostMapping
	String create(@AuthenticationPrincipal AccountPrincipal me, @Valid @ModelAttribute("form") DiscountCodeForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return page(me, model);
		}
		try {
			discounts.create(me.accountId(), form.toRequest());
		}
		catch (DiscountCodeException ex) {
			model.addAttribute("error", ex.code());
			model.addAttribute("errorArgs", ex.arguments());
			return page(me, model);
		}
		redirect.addFlashAttribute("success", "discount.created");
		return "redirect:/studio/discounts";
	}

	@PostMapping("/{id}/disable")
	String disable(@AuthenticationPrincipal AccountPrincipal me, @PathVariable UUID id, RedirectAttributes redirect) {
		discounts.disable(me.accountId(), id);
		redirect.addFlashAttribute("success", "discount.disabled");
		return "redirect:/studio/discounts";
	}

	private String page(AccountPrincipal me, Model model) {
		model.addAttribute("codes", discounts.codesOf(me.accountId()));
		List<BundleSummary> bundles = catalog.bundlesOf(me.accountId());
		model.addAttribute("bundles", bundles);
		model.addAttribute("titles", bundles.stream().collect(Collectors.toMap(BundleSummary::id, BundleSummary::title)));
		model.addAttribute("currencies", priceRules.currencies());
		model.addAttribute("baseUrl", ServletUriComponentsBuilder.fromCurrentContextPath().toUriString());
		return VIEW;
	}
}
