package io.reelgate.storefront;

import java.io.IOException;

import io.reelgate.accounts.AccountService;
import io.reelgate.accounts.AccountView;
import io.reelgate.accounts.Role;
import io.reelgate.catalog.BundleNotFoundException;
import io.reelgate.catalog.CoverRenditions;
import io.reelgate.catalog.CoverView;
import io.reelgate.catalog.CreatorProfile;
import io.reelgate.catalog.CreatorProfiles;
import io.reelgate.catalog.StorefrontListings;
import io.reelgate.shared.AccountId;
import io.reelgate.shared.BundleId;
import io.reelgate.shared.PublicUrlProperties;
import io.reelgate.storage.BlobDownload;
import io.reelgate.storage.BlobStore;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/** A creator's page: banner, bio and links above their public bundles, newest first; and the banner's images. */
@Controller
class CreatorPageController {

	static final String CREATOR_VIEW = "storefront/creator";

	/** The banner's sized copies are named by its bytes, so they never change under a URL. */
	private static final String SIZED_CACHE = "public, max-age=31536000, immutable";

	private static final String REPLACED_CACHE = "public, max-age=60";

	private static final String ORIGINAL_CACHE = "public, max-age=300";

	private final StorefrontListings listings;

	private final AccountService accounts;

	private final CreatorProfiles profiles;

	private final CoverRenditions renditions;

	private final BlobStore store;

	private final PublicUrlProperties publicUrl;

	CreatorPageController(StorefrontListings listings, AccountService accounts, CreatorProfiles profiles,
			CoverRenditions renditions, BlobStore store, PublicUrlProperties publicUrl) {
		this.listings = listings;
		this.accounts = accounts;
		this.profiles = profiles;
		this.renditions = renditions;
		this.store = store;
		this.publicUrl = publicUrl;
	}

	@GetMapping("/creators/{id}")
	String creator(@PathVariable AccountId id, @RequestParam(required = false) @Nullable BundleId before,
			@RequestParam(required = false) @Nullable BundleId after, Model model) {
		AccountView creator = creator(id);
		CreatorProfile profile = profiles.of(id);
		model.addAttribute("creator", creator);
		model.addAttribute("profile", profile);
		model.addAttribute("bundles", listings.publicBundlesOf(id, before, after));
		// Open Graph wants absolute URLs: from the configured public address, never the request's Host.
		model.addAttribute("pageUrl", absolute("/creators/" + id.value()));
		model.addAttribute("bannerUrl", profile.hasBanner()
				? absolute("/creators/" + id.value() + "/banner/" + profile.bannerVersion() + "/800.jpg") : null);
		return CREATOR_VIEW;
	}

	/**
	 * The banner {@code width} pixels wide ({@link CoverRenditions#WIDTHS}), made once and shared with any cover of
	 * the same bytes; an older {@code version} is sent on to the current banner; one the JDK cannot resize is served
	 * as uploaded. Banners are sniffed raster images, so serving them inline is safe.
	 */
	@GetMapping("/creators/{id}/banner/{version}/{width}.jpg")
	void banner(@PathVariable AccountId id, @PathVariable String version, @PathVariable String width,
			HttpServletRequest request, HttpServletResponse response) throws IOException {
		creator(id);
		CoverView banner = profiles.banner(id).orElseThrow(BundleNotFoundException::new);
		int pixels = CoverRenditions.WIDTHS.stream().filter(w -> String.valueOf(w).equals(width)).findFirst()
			.orElseThrow(BundleNotFoundException::new);
		if (!banner.version().equals(version)) {
			response.setHeader("Cache-Control", REPLACED_CACHE);
			response.sendRedirect(request.getContextPath() + "/creators/" + id.value() + "/banner/" + banner.version()
					+ "/" + pixels + ".jpg");
			return;
		}
		CoverView sized = renditions.of(banner, pixels).orElse(null);
		CoverView sent = sized == null ? banner : sized;
		new BlobDownload(sent.storageKey(), sent.size(), sent.sha256(), sent.updatedAt(), sent.contentType(), "banner",
				false, sized == null ? ORIGINAL_CACHE : SIZED_CACHE)
			.respond(request, response, store);
	}

	/** Only creators have pages; anyone else's id is no page (it does not say whether the account exists). */
	private AccountView creator(AccountId id) {
		return accounts.find(id).filter(a -> a.role() == Role.CREATOR).orElseThrow(BundleNotFoundException::new);
	}

	private String absolute(String path) {
		return UriComponentsBuilder.fromUri(publicUrl.publicUrl()).path(path).build().toUriString();
	}
}
