package io.reelgate.storefront;

import java.io.IOException;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.Currency;
import java.util.Optional;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.analytics.Analytics;
import io.reelgate.analytics.Visit;
import io.reelgate.catalog.BundleDetails;
import io.reelgate.catalog.BundleNotFoundException;
import io.reelgate.catalog.BundleTags;
import io.reelgate.catalog.CaptionTracks;
import io.reelgate.catalog.CaptionView;
import io.reelgate.catalog.Catalog;
import io.reelgate.catalog.Catalog.Viewer;
import io.reelgate.catalog.CoverRenditions;
import io.reelgate.catalog.CoverView;
import io.reelgate.catalog.FileView;
import io.reelgate.catalog.Gate;
import io.reelgate.checkout.DiscountCodeThrottle;
import io.reelgate.checkout.DiscountService;
import io.reelgate.checkout.DiscountService.CodeCheck;
import io.reelgate.library.Library;
import io.reelgate.shared.AccountId;
import io.reelgate.shared.BundleFileId;
import io.reelgate.shared.BundleId;
import io.reelgate.storage.BlobDownload;
import io.reelgate.storage.BlobSender;
import io.reelgate.storage.BlobStore;
import io.reelgate.web.CountedVisits;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** A bundle's public page, shareable (Open Graph), and its cover image. */
@Controller
class BundlePageController {

	static final String VIEW = "storefront/bundle";

	/** Sized covers: their URL names the cover's bytes, so a new cover is a new URL and this one never changes. */
	static final String SIZED_COVER_CACHE = "public, max-age=31536000, immutable";

	/** Where a page cached before the cover changed still points: sent on to the new cover, briefly cached. */
	private static final String REPLACED_COVER_CACHE = "public, max-age=60";

	private static final String COVER_CACHE = "public, max-age=300";

	private final Catalog catalog;

	private final Library library;

	private final BlobStore store;

	private final BlobSender sender;

	private final DiscountService discounts;

	private final DiscountCodeThrottle codeThrottle;

	private final Analytics analytics;

	private final CaptionTracks captions;

	private final ViewerCurrency currencies;

	private final CoverRenditions renditions;

	private final BundleTags tags;

	BundlePageController(Catalog catalog, Library library, BlobStore store, BlobSender sender,
			DiscountService discounts, DiscountCodeThrottle codeThrottle, Analytics analytics,
			CaptionTracks captions, ViewerCurrency currencies, CoverRenditions renditions, BundleTags tags) {
		this.tags = tags;
		this.captions = captions;
		this.currencies = currencies;
		this.renditions = renditions;
		this.discounts = discounts;
		this.codeThrottle = codeThrottle;
		this.catalog = catalog;
		this.library = library;
		this.store = store;
		this.sender = sender;
		this.analytics = analytics;
	}

	/**
	 * @param code a discount code from a shared link ({@code ?code=}), checked and shown with the price it gives;
	 * checks are rate limited ({@link DiscountCodeThrottle}), over the limit the page is a 429 with {@code Retry-After};
	 * prices are in the viewer's currency ({@link ViewerCurrency}), discount codes checked against the price in it
	 */
	@GetMapping("/bundles/{id}")
	String show(@AuthenticationPrincipal @Nullable AccountPrincipal me, @PathVariable BundleId id,
			@RequestParam(required = false) @Nullable String code, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		BundleDetails bundle = catalog.bundle(id, viewer(me));
		Optional<Currency> shown = currencies.choose(bundle.currencies(), request, response);
		if (shown.isPresent() && !shown.get().equals(bundle.currencies().get(0))) {
			bundle = catalog.bundle(id, viewer(me), shown.get());
		}
		if (bundle.summary().isPublic()) {
			AccountId creator = bundle.summary().creatorId();
			AccountId viewer = accountOf(me);
			CountedVisits.count(request, visit -> analytics.pageViewed(id, creator, Visit.of(visit, viewer)));
		}
		boolean priced = bundle.summary().gate() == Gate.PAID || bundle.summary().gate() == Gate.PWYW;
		// Only buyers see what a code does (the form is for signed-in viewers), so only their checks are made.
		if (me != null && code != null && !code.isBlank() && priced && bundle.summary().isPublic()) {
			model.addAttribute("codeCheck", codeCheck(me, bundle, code, request, model));
		}
		model.addAttribute("bundle", bundle);
		model.addAttribute("tags", tags.of(id));
		// Before buying, a viewer sees which subtitles each video has: "Subtitles: English, Français".
		model.addAttribute("subtitles", captions.of(bundle.files().stream().map(FileView::id).toList())
			.entrySet()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey,
					e -> e.getValue().stream().map(CaptionView::label).collect(Collectors.joining(", ")))));
		model.addAttribute("rental", bundle.summary().gate() == Gate.PAID && shown.isPresent()
				? catalog.rental(id, shown.get()).orElse(null) : null);
		// A code arriving with the link (a shared ?code=) opens the "Have a code?" disclosure it is in.
		model.addAttribute("codeGiven", code != null && !code.isBlank());
		model.addAttribute("renting", me != null && library.rents(me.accountId(), id));
		model.addAttribute("owned", me != null && library.owns(me.accountId(), id));
		model.addAttribute("mine", me != null && bundle.summary().creatorId().equals(me.accountId()));
		model.addAttribute("pageUrl", ServletUriComponentsBuilder.fromCurrentRequestUri().toUriString());
		model.addAttribute("coverUrl", ServletUriComponentsBuilder.fromCurrentContextPath()
			.path("/bundles/{id}/cover").buildAndExpand(id).toUriString());
		return VIEW;
	}

	/** Covers are sniffed raster images (see the catalog), so serving them inline is safe. */
	@GetMapping("/bundles/{id}/cover")
	void cover(@AuthenticationPrincipal @Nullable AccountPrincipal me, @PathVariable BundleId id,
			HttpServletRequest request, HttpServletResponse response) throws IOException {
		// A buyer still sees the cover of what they hold while moderation hides it; that copy stays out of shared caches.
		boolean held = me != null && library.owns(me.accountId(), id);
		CoverView cover = catalog.cover(id, viewer(me), held);
		new BlobDownload(cover.storageKey(), cover.size(), cover.sha256(), cover.updatedAt(), cover.contentType(),
				"cover", false, held ? "private, max-age=300" : COVER_CACHE)
			.respond(request, response, store);
	}

	/**
	 * The cover {@code width} pixels wide, a JPEG made once ({@link CoverRenditions}). {@code version} names the
	 * cover's bytes: an older one (a page cached before the cover changed) is sent on to the current cover; a cover
	 * the JDK cannot resize is served as uploaded.
	 */
	@GetMapping("/bundles/{id}/covers/{version}/{width}.jpg")
	void sizedCover(@AuthenticationPrincipal @Nullable AccountPrincipal me, @PathVariable BundleId id,
			@PathVariable String version, @PathVariable String width, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		CoverView cover = catalog.cover(id, viewer(me));
		int pixels = CoverRenditions.WIDTHS.stream().filter(w -> String.valueOf(w).equals(width)).findFirst()
			.orElseThrow(BundleNotFoundException::new);
		if (!cover.version().equals(version)) {
			response.setHeader("Cache-Control", REPLACED_COVER_CACHE);
			response.sendRedirect(request.getContextPath() + "/bundles/" + id.value() + "/covers/" + cover.version()
					+ "/" + pixels + ".jpg");
			return;
		}
		CoverView sized = renditions.of(cover, pixels).orElse(null);
		BlobDownload download = sized == null
				? new BlobDownload(cover.storageKey(), cover.size(), cover.sha256(), cover.updatedAt(),
						cover.contentType(), "cover", false, COVER_CACHE)
				: new BlobDownload(sized.storageKey(), sized.size(), sized.sha256(), sized.updatedAt(),
						sized.contentType(), "cover", false, SIZED_COVER_CACHE);
		download.respond(request, response, store);
	}

	/**
	 * An unlocked video or audio file (a trailer), streamed to anyone who may see the bundle, with ranges so a player
	 * can seek. Only media types detected from the bytes play here (other unlocked files only download), so serving
	 * it inline is safe; it stays out of shared caches because the bundle may be hidden at any time. The path is the
	 * one free previews had before every file type could be unlocked, so links shared then still play.
	 */
	@GetMapping("/bundles/{id}/previews/{fileId}")
	void stream(@AuthenticationPrincipal @Nullable AccountPrincipal me, @PathVariable BundleId id,
			@PathVariable BundleFileId fileId, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		FileView file = catalog.unlockedFile(id, fileId, viewer(me));
		if (!file.playable()) {
			throw new BundleNotFoundException();
		}
		Visit visit = Visit.of(request, accountOf(me));
		if (visit.startsPlayback()) {
			analytics.previewPlayed(id, fileId, catalog.bundle(id, viewer(me)).summary().creatorId(), visit);
		}
		send(file, false, request, response);
	}

	/**
	 * The player page ({@code /watch}) says a preview started playing: counted as a stream, as the progressive
	 * preview's first request is (the same visitor, file and day count once either way). The HLS stream cannot be
	 * counted by its requests: hls.js loads the playlists and first segments before anyone presses play.
	 */
	@PostMapping("/bundles/{id}/previews/{fileId}/played")
	ResponseEntity<Void> previewPlayed(@AuthenticationPrincipal @Nullable AccountPrincipal me, @PathVariable BundleId id,
			@PathVariable BundleFileId fileId, HttpServletRequest request) {
		FileView file = catalog.unlockedFile(id, fileId, viewer(me));
		if (!file.playable()) {
			throw new BundleNotFoundException();
		}
		analytics.previewPlayed(id, fileId, catalog.bundle(id, viewer(me)).summary().creatorId(),
				Visit.of(request, accountOf(me)));
		return ResponseEntity.noContent().build();
	}

	/** Any unlocked file as a download (an attachment, whatever its type), for anyone who may see the bundle. */
	@GetMapping("/bundles/{id}/unlocked/{fileId}")
	void download(@AuthenticationPrincipal @Nullable AccountPrincipal me, @PathVariable BundleId id,
			@PathVariable BundleFileId fileId, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		send(catalog.unlockedFile(id, fileId, viewer(me)), true, request, response);
	}

	private void send(FileView file, boolean attachment, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		sender.send(new BlobDownload(file.storageKey(), file.size(), file.sha256(), file.createdAt(),
				file.contentType(), file.name(), attachment, "private, max-age=300"), request, response);
	}

	/**
	 * A checkout that just refused the code sends the buyer back here with its reason as a flash attribute (which
	 * only the server sets): shown as it is, without charging the buyer a second check for the same code.
	 */
	private @Nullable CodeCheck codeCheck(AccountPrincipal me, BundleDetails bundle, String code,
			HttpServletRequest request, Model model) {
		if (model.getAttribute("error") instanceof String error) {
			if (DiscountCodeThrottle.refusesCode(error)) {
				return new CodeCheck(code, null, error);
			}
			if (error.equals(DiscountCodeThrottle.TOO_MANY)) {
				return null;
			}
		}
		codeThrottle.admit(me.accountId(), request.getRemoteAddr());
		CodeCheck check = discounts.check(bundle.summary(), code);
		if (!check.applies()) {
			codeThrottle.failed(me.accountId(), request.getRemoteAddr());
		}
		return check;
	}

	private static @Nullable AccountId accountOf(@Nullable AccountPrincipal me) {
		return me == null ? null : me.accountId();
	}

	private static Viewer viewer(@Nullable AccountPrincipal me) {
		return me == null ? Viewer.ANONYMOUS : new Viewer(me.accountId(), me.isAdmin());
	}
}
