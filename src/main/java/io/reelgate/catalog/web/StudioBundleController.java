package io.reelgate.catalog.web;

import java.io.IOException;
import java.io.InputStream;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.catalog.BundleDetails;
import io.reelgate.catalog.BundleCaptions;
import io.reelgate.catalog.BundleMedia;
import io.reelgate.catalog.BundleTags;
import io.reelgate.catalog.BundleNotFoundException;
import io.reelgate.catalog.CaptionTracks;
import io.reelgate.catalog.Catalog;
import io.reelgate.catalog.CatalogException;
import io.reelgate.catalog.CatalogService;
import io.reelgate.catalog.FileView;
import io.reelgate.catalog.OtherPrice;
import io.reelgate.catalog.PriceRules;
import io.reelgate.catalog.RentalTerms;
import io.reelgate.catalog.StreamingStates;
import io.reelgate.catalog.UploadLimits;
import io.reelgate.shared.BundleFileId;
import io.reelgate.shared.BundleId;
import io.reelgate.shared.Confirmation;
import io.reelgate.shared.Confirmation.Line;
import io.reelgate.shared.RedirectOnRefusal;
import io.reelgate.shared.Money;
import io.reelgate.shared.MoneyInput;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The creator's bundle editor: words, gate and price, files, cover, publishing. */
@Controller
@RequestMapping("/studio/bundles")
@RedirectOnRefusal("/studio/bundles/{id}")
class StudioBundleController {

	static final String NEW_VIEW = "catalog/new";

	static final String EDIT_VIEW = "catalog/edit";

	private static final List<String> ZONES = ZoneId.getAvailableZoneIds().stream().sorted().toList();

	private final CatalogService catalogService;

	private final BundleMedia media;

	private final Catalog catalog;

	private final PriceRules priceRules;

	private final UploadLimits limits;

	private final ObjectProvider<StreamingStates> streaming;

	private final BundleCaptions captions;

	private final CaptionTracks captionTracks;

	private final BundleTags tags;

	StudioBundleController(CatalogService catalogService, BundleMedia media, Catalog catalog, PriceRules priceRules,
			UploadLimits limits, ObjectProvider<StreamingStates> streaming, BundleCaptions captions,
			CaptionTracks captionTracks, BundleTags tags) {
		this.tags = tags;
		this.streaming = streaming;
		this.captions = captions;
		this.captionTracks = captionTracks;
		this.catalogService = catalogService;
		this.media = media;
		this.catalog = catalog;
		this.priceRules = priceRules;
		this.limits = limits;
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
		return redirectToEditor(id);
	}

	@GetMapping("/{id}")
	String showEditor(@AuthenticationPrincipal AccountPrincipal me, @PathVariable BundleId id, Locale locale,
			Model model) {
		BundleDetails bundle = catalog.editable(me.accountId(), id);
		model.addAttribute("form", BundleForm.of(bundle));
		model.addAttribute("gateForm", GateForm.of(bundle.summary(), priceRules.defaultCurrency(), locale));
		return editor(bundle, locale, model);
	}

	@PostMapping("/{id}")
	String describe(@AuthenticationPrincipal AccountPrincipal me, @PathVariable BundleId id,
			@Valid @ModelAttribute("form") BundleForm form, BindingResult result, Locale locale, Model model,
			RedirectAttributes redirect) {
		if (result.hasErrors()) {
			BundleDetails bundle = catalog.editable(me.accountId(), id);
			model.addAttribute("gateForm", GateForm.of(bundle.summary(), priceRules.defaultCurrency(), locale));
			return editor(bundle, locale, model);
		}
		catalogService.describe(me.accountId(), id, form.toText());
		redirect.addFlashAttribute("success", "bundle.saved");
		return redirectToEditor(id);
	}

	@PostMapping("/{id}/gate")
	String changeGate(@AuthenticationPrincipal AccountPrincipal me, @PathVariable BundleId id,
			@Valid @ModelAttribute("gateForm") GateForm form, BindingResult result, Locale locale, Model model,
			RedirectAttributes redirect) {
		if (result.hasErrors()) {
			BundleDetails bundle = catalog.editable(me.accountId(), id);
			model.addAttribute("form", BundleForm.of(bundle));
			return editor(bundle, locale, model);
		}
		switch (form.gate()) {
			case FREE -> catalogService.makeFree(me.accountId(), id);
			case EMAIL -> catalogService.requireEmail(me.accountId(), id);
			case PAID -> catalogService.charge(me.accountId(), id, form.amount(), form.currency());
			case PWYW -> catalogService.payWhatYouWant(me.accountId(), id, form.amount(), form.suggested(),
					form.currency());
		}
		redirect.addFlashAttribute("success", "gate.saved");
		return redirectToEditor(id);
	}

	/** Replaces the bundle's tags: comma-separated words typed, and genres ticked from the operator's list. */
	@PostMapping("/{id}/tags")
	String retag(@AuthenticationPrincipal AccountPrincipal me, @PathVariable BundleId id,
			@RequestParam(defaultValue = "") List<String> genre, @RequestParam(defaultValue = "") String tags,
			RedirectAttributes redirect) {
		String all = String.join(",", genre) + "," + tags;
		this.tags.retag(me.accountId(), id, all);
		redirect.addFlashAttribute("success", "tags.saved");
		return redirectToEditor(id);
	}

	/** Offers a rental beside the fixed price; a blank price withdraws the offer. */
	@PostMapping("/{id}/rental")
	String offerRental(@AuthenticationPrincipal AccountPrincipal me, @PathVariable BundleId id,
			@RequestParam(defaultValue = "") String rentalPrice, @RequestParam(defaultValue = "0") int rentalHours,
			RedirectAttributes redirect) {
		catalogService.offerRental(me.accountId(), id, rentalPrice, rentalHours);
		redirect.addFlashAttribute("success", rentalPrice.isBlank() ? "rental.withdrawn" : "rental.saved");
		return redirectToEditor(id);
	}

	/** Sets the bundle's price in another enabled currency; its rental price is optional. */
	@PostMapping("/{id}/prices/{currency}")
	String priceIn(@AuthenticationPrincipal AccountPrincipal me, @PathVariable BundleId id,
			@PathVariable String currency, @RequestParam(defaultValue = "") String amount,
			@RequestParam(defaultValue = "") String suggested, @RequestParam(defaultValue = "") String rental,
			RedirectAttributes redirect) {
		catalogService.priceIn(me.accountId(), id, currency, amount, suggested, rental);
		redirect.addFlashAttribute("success", "prices.saved");
		return redirectToEditor(id);
	}

	@PostMapping("/{id}/prices/{currency}/delete")
	String dropPriceIn(@AuthenticationPrincipal AccountPrincipal me, @PathVariable BundleId id,
			@PathVariable String currency, RedirectAttributes redirect) {
		catalogService.dropPriceIn(me.accountId(), id, currency);
		redirect.addFlashAttribute("success", "prices.removed");
		return redirectToEditor(id);
	}

	@PostMapping("/{id}/files")
	String upload(@AuthenticationPrincipal AccountPrincipal me, @PathVariable BundleId id,
			@RequestParam("file") MultipartFile file, RedirectAttributes redirect) throws IOException {
		stream(file, content -> media.addFile(me.accountId(), id, file.getOriginalFilename(), content));
		redirect.addFlashAttribute("success", "upload.done");
		return redirectToEditor(id);
	}

	/** Files come off only before the first publication, so nobody has them yet; the upload itself is lost. */
	@GetMapping("/{id}/files/{fileId}/delete")
	String confirmRemoveFile(@AuthenticationPrincipal AccountPrincipal me, @PathVariable BundleId id,
			@PathVariable BundleFileId fileId, Model model) {
		BundleDetails bundle = catalog.editable(me.accountId(), id);
		FileView file = bundle.files().stream().filter(f -> f.id().equals(fileId)).findFirst()
			.orElseThrow(BundleNotFoundException::new);
		int tracks = captionTracks.of(fileId).size();
		String path = "/studio/bundles/" + id + "/files/" + fileId + "/delete";
		model.addAttribute("confirmation", Confirmation.of(Line.of("files.confirm.heading", file.name()),
				List.of(Line.of("files.confirm.final", file.name(), bundle.summary().title()),
						Line.of("files.confirm.captions", tracks)),
				path, "/studio/bundles/" + id, Line.of("files.confirm.submit"), Line.of("confirm.cancel")));
		return Confirmation.VIEW;
	}

	/** Only from the confirmation page. */
	@PostMapping("/{id}/files/{fileId}/delete")
	String removeFile(@AuthenticationPrincipal AccountPrincipal me, @PathVariable BundleId id,
			@PathVariable BundleFileId fileId,
			@RequestParam(name = Confirmation.PARAMETER, defaultValue = "false") boolean confirmed,
			RedirectAttributes redirect) {
		if (!confirmed) {
			return Confirmation.askFirst("/studio/bundles/" + id + "/files/" + fileId + "/delete");
		}
		media.removeFile(me.accountId(), id, fileId);
		redirect.addFlashAttribute("success", "file.removed");
		return redirectToEditor(id);
	}

	@PostMapping("/{id}/files/{fileId}/unlocked")
	String unlockFile(@AuthenticationPrincipal AccountPrincipal me, @PathVariable BundleId id,
			@PathVariable BundleFileId fileId,
			@RequestParam(name = "unlocked", defaultValue = "false") boolean unlocked, RedirectAttributes redirect) {
		catalogService.unlockFile(me.accountId(), id, fileId, unlocked);
		redirect.addFlashAttribute("success", unlocked ? "file.unlocked.on" : "file.unlocked.off");
		return redirectToEditor(id);
	}

	/** Lower qualities of an H.264 video for slow connections, beside its own picture, or the original alone. */
	@PostMapping("/{id}/files/{fileId}/ladder")
	String chooseLadder(@AuthenticationPrincipal AccountPrincipal me, @PathVariable BundleId id,
			@PathVariable BundleFileId fileId, @RequestParam(name = "ladder", defaultValue = "false") boolean ladder,
			RedirectAttributes redirect) {
		catalogService.chooseLadder(me.accountId(), id, fileId, ladder);
		redirect.addFlashAttribute("success", ladder ? "file.ladder.on" : "file.ladder.off");
		return redirectToEditor(id);
	}

	/** A WebVTT or SRT file for one video; a file the parser refuses comes back as a message naming the line. */
	@PostMapping("/{id}/files/{fileId}/captions")
	String addCaptions(@AuthenticationPrincipal AccountPrincipal me, @PathVariable BundleId id,
			@PathVariable BundleFileId fileId, @RequestParam("captions") MultipartFile file,
			@RequestParam(defaultValue = "") String language, @RequestParam(defaultValue = "") String label,
			RedirectAttributes redirect) throws IOException {
		try (InputStream content = file.getInputStream()) {
			captions.add(me.accountId(), id, fileId, language, label, content);
		}
		redirect.addFlashAttribute("success", "caption.added");
		return redirectToEditor(id);
	}

	@PostMapping("/{id}/files/{fileId}/captions/{captionId}/delete")
	String removeCaptions(@AuthenticationPrincipal AccountPrincipal me, @PathVariable BundleId id,
			@PathVariable BundleFileId fileId, @PathVariable UUID captionId, RedirectAttributes redirect) {
		captions.remove(me.accountId(), id, fileId, captionId);
		redirect.addFlashAttribute("success", "caption.removed");
		return redirectToEditor(id);
	}

	@PostMapping("/{id}/cover")
	String changeCover(@AuthenticationPrincipal AccountPrincipal me, @PathVariable BundleId id,
			@RequestParam("cover") MultipartFile cover, RedirectAttributes redirect) throws IOException {
		stream(cover, content -> media.changeCover(me.accountId(), id, content));
		redirect.addFlashAttribute("success", "cover.saved");
		return redirectToEditor(id);
	}

	@PostMapping("/{id}/files/{fileId}/poster")
	String usePosterAsCover(@AuthenticationPrincipal AccountPrincipal me, @PathVariable BundleId id,
			@PathVariable BundleFileId fileId, RedirectAttributes redirect) {
		media.usePosterAsCover(me.accountId(), id, fileId);
		redirect.addFlashAttribute("success", "cover.fromPoster.saved");
		return redirectToEditor(id);
	}

	@PostMapping("/{id}/publish")
	String publish(@AuthenticationPrincipal AccountPrincipal me, @PathVariable BundleId id,
			RedirectAttributes redirect) {
		boolean published = catalogService.publish(me.accountId(), id);
		redirect.addFlashAttribute("success", published ? "bundle.published" : "bundle.submittedForReview");
		return redirectToEditor(id);
	}

	@PostMapping("/{id}/release")
	String scheduleRelease(@AuthenticationPrincipal AccountPrincipal me, @PathVariable BundleId id,
			@Valid @ModelAttribute("releaseForm") ReleaseForm form, BindingResult result,
			RedirectAttributes redirect) {
		ZoneId zone = form.zoneId();
		if (result.hasErrors() || form.at() == null || zone == null) {
			catalog.editable(me.accountId(), id);
			redirect.addFlashAttribute("error", "release.invalid");
			return redirectToEditor(id);
		}
		catalogService.scheduleRelease(me.accountId(), id, form.at(), zone);
		redirect.addFlashAttribute("success", "release.saved");
		return redirectToEditor(id);
	}

	@PostMapping("/{id}/release/now")
	String releaseNow(@AuthenticationPrincipal AccountPrincipal me, @PathVariable BundleId id,
			RedirectAttributes redirect) {
		catalogService.releaseNow(me.accountId(), id);
		redirect.addFlashAttribute("success", "release.now.done");
		return redirectToEditor(id);
	}

	@PostMapping("/{id}/unpublish")
	String unpublish(@AuthenticationPrincipal AccountPrincipal me, @PathVariable BundleId id,
			RedirectAttributes redirect) {
		catalogService.unpublish(me.accountId(), id);
		redirect.addFlashAttribute("success", "bundle.unpublished");
		return redirectToEditor(id);
	}

	private String editor(BundleDetails bundle, Locale locale, Model model) {
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
		return EDIT_VIEW;
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

	/** Hands an uploaded part's bytes to storage as a stream; the container has spooled it to disk, not memory. */
	private static void stream(MultipartFile part, ContentSink sink) throws IOException {
		if (part.isEmpty()) {
			throw new CatalogException("upload.empty");
		}
		try (InputStream content = part.getInputStream()) {
			sink.accept(content);
		}
	}

	@FunctionalInterface
	private interface ContentSink {

		void accept(InputStream content) throws IOException;
	}

	private static String redirectToEditor(BundleId id) {
		return "redirect:/studio/bundles/" + id;
	}
}
