package io.reelgate.catalog.web;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.reelgate.catalog.BundleCaptions;
import io.reelgate.catalog.BundleDetails;
import io.reelgate.catalog.BundleTags;
import io.reelgate.catalog.CaptionTracks;
import io.reelgate.catalog.Catalog;
import io.reelgate.catalog.CatalogService;
import io.reelgate.catalog.FileView;
import io.reelgate.catalog.OtherPrice;
import io.reelgate.catalog.PriceRules;
import io.reelgate.catalog.RentalTerms;
import io.reelgate.catalog.StreamingStates;
import io.reelgate.catalog.UploadLimits;
import io.reelgate.shared.BundleId;
import io.reelgate.shared.Money;
import io.reelgate.shared.MoneyInput;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The creator's bundle editor as a page: what it shows besides the forms, for the studio's bundle controllers that
 * show it again when a form on it does not validate, and where their actions send the creator back to.
 */
@Component
class BundleEditorPage {

	static final String VIEW = "catalog/edit";

	private static final List<String> ZONES = ZoneId.getAvailableZoneIds().stream().sorted().toList();

	private final CatalogService catalogService;

	private final Catalog catalog;

	private final PriceRules priceRules;

	private final UploadLimits limits;

	private final ObjectProvider<StreamingStates> streaming;

	private final CaptionTracks captionTracks;

	private final BundleTags tags;

	BundleEditorPage(CatalogService catalogService, Catalog catalog, PriceRules priceRules, UploadLimits limits,
			ObjectProvider<StreamingStates> streaming, CaptionTracks captionTracks, BundleTags tags) {
		this.catalogService = catalogService;
		this.catalog = catalog;
		this.priceRules = priceRules;
		this.limits = limits;
		this.streaming = streaming;
		this.captionTracks = captionTracks;
		this.tags = tags;
	}

	static String redirectTo(BundleId id) {
		return "redirect:/studio/bundles/" + id;
	}

	/** The gate form as the bundle is now, amounts in the default currency when it has none. */
	GateForm gateForm(BundleDetails bundle, Locale locale) {
		return GateForm.of(bundle.summary(), priceRules.defaultCurrency(), locale);
	}

	/** The editor for {@code bundle}; the model already holds its {@code form} and {@code gateForm}. */
	String show(BundleDetails bundle, Locale locale, Model model) {
		model.addAttribute("bundle", bundle);
		model.addAttribute("currencies", priceRules.currencies());
		List<String> tagged = tags.of(bundle.summary().id());
		List<String> genres = tags.genres();
		model.addAttribute("genres", genres);
		model.addAttribute("maxTags", tags.maxPerBundle());
		model.addAttribute("genresTicked", tagged.stream().filter(genres::contains).toList());
		model.addAttribute("otherTags", String.join(", ", tagged.stream().filter(t -> !genres.contains(t)).toList()));
		Optional<RentalTerms> rental = catalogService.rentalOffer(bundle.summary().creatorId(), bundle.summary().id());
		model.addAttribute("rentalPrice", rental.map(r -> MoneyInput.format(r.price(), locale)).orElse(""));
		model.addAttribute("rentalHours", rental.map(RentalTerms::hours).orElse(catalogService.defaultRentalWindow()));
		model.addAttribute("rentalWindows", catalogService.rentalWindows());
		model.addAttribute("otherPrices", otherPrices(bundle));
		model.addAttribute("embed", EmbedSnippets.of(bundle.summary()));
		model.addAttribute("releaseForm", ReleaseForm.empty());
		model.addAttribute("zones", ZONES);
		model.addAttribute("maxFileBytes", limits.maxFileSize().toBytes());
		model.addAttribute("maxCoverBytes", limits.maxCoverSize().toBytes());
		model.addAttribute("captions", captionTracks.of(bundle.files().stream().map(FileView::id).toList()));
		model.addAttribute("maxCaptionKilobytes", BundleCaptions.MAX_BYTES / 1024);
		StreamingStates states = streaming.getIfAvailable();
		model.addAttribute("streaming", states == null ? Map.of()
				: states.of(bundle.files().stream().map(FileView::id).toList()));
		return VIEW;
	}

	/** One row per enabled currency besides the main one, with the price set in it, if any. */
	private List<OtherPriceRow> otherPrices(BundleDetails bundle) {
		Money main = bundle.summary().price();
		if (main == null) {
			return List.of();
		}
		Map<String, OtherPrice> set = catalog.otherPrices(bundle.summary().creatorId(), bundle.summary().id())
			.stream()
			.collect(Collectors.toMap(p -> p.amount().currency().getCurrencyCode(), Function.identity()));
		return priceRules.currencies().stream()
			.filter(c -> !c.equals(main.currency().getCurrencyCode()))
			.map(c -> new OtherPriceRow(c, set.get(c)))
			.toList();
	}

	/** A currency in the editor's "other currencies" list, and the bundle's price in it (null: none). */
	record OtherPriceRow(String currency, @Nullable OtherPrice price) {
	}
}
