package io.reelgate.storefront;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.reelgate.catalog.BundleNotFoundException;
import io.reelgate.catalog.BundleTags;
import io.reelgate.catalog.Sort;
import io.reelgate.catalog.StorefrontListings;
import io.reelgate.shared.BundleId;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriUtils;

/** The public face: the storefront's pages in each sort, search, and a page per tag. */
@Controller
class StorefrontController {

	static final String HOME_VIEW = "storefront/home";

	static final String TAG_VIEW = "storefront/tag";

	private static final int MAX_QUERY_LENGTH = 200;

	private final StorefrontListings listings;

	StorefrontController(StorefrontListings listings) {
		this.listings = listings;
	}

	/**
	 * Newest first, paged by stable links ({@code ?before=<id>}: the bundles older than that one; {@code ?after=<id>}
	 * back towards the newest), or search results paged by number.
	 */
	@GetMapping("/")
	String home(@RequestParam(name = "q", required = false) @Nullable String query,
			@RequestParam(name = "page", defaultValue = "0") int page,
			@RequestParam(name = "sort", defaultValue = "") String sortParameter,
			@RequestParam(required = false) @Nullable BundleId before,
			@RequestParam(required = false) @Nullable BundleId after, Model model) {
		boolean searching = StringUtils.hasText(query);
		String shown = searching && query.length() > MAX_QUERY_LENGTH ? query.substring(0, MAX_QUERY_LENGTH) : query;
		// Search results are ranked: the sort applies to the storefront's pages.
		Sort sort = Sort.parse(sortParameter).orElse(Sort.NEW);
		model.addAttribute("bundles",
				searching ? listings.search(shown, page) : listings.storefront(sort, before, after));
		model.addAttribute("query", searching ? shown : "");
		sorted(model, sort, "/");
		// The featured row heads the storefront's first page only: not search results, not older pages, not sorted.
		boolean firstPage = !searching && before == null && after == null && sort.isDefault();
		model.addAttribute("featured", firstPage ? listings.featured() : List.of());
		return HOME_VIEW;
	}

	/** The public bundles with a tag, sorted and paged as the storefront; a path that can be no tag is a 404. */
	@GetMapping("/tags/{tag}")
	String tag(@PathVariable String tag, @RequestParam(name = "sort", defaultValue = "") String sortParameter,
			@RequestParam(required = false) @Nullable BundleId before,
			@RequestParam(required = false) @Nullable BundleId after, Model model) {
		String normalized = BundleTags.normalize(tag).orElseThrow(BundleNotFoundException::new);
		if (!normalized.equals(tag)) {
			// One URL per tag: "/tags/Film Noir" is "/tags/film-noir".
			return "redirect:/tags/" + UriUtils.encodePathSegment(normalized, StandardCharsets.UTF_8);
		}
		Sort sort = Sort.parse(sortParameter).orElse(Sort.NEW);
		model.addAttribute("tag", normalized);
		model.addAttribute("bundles", listings.tagged(normalized, sort, before, after));
		sorted(model, sort, "/tags/" + UriUtils.encodePathSegment(normalized, StandardCharsets.UTF_8));
		return TAG_VIEW;
	}

	/** The sort control's state, and the page's own URL with its sort for the pager's links. */
	private static void sorted(Model model, Sort sort, String path) {
		model.addAttribute("sort", sort);
		model.addAttribute("sorts", Sort.values());
		model.addAttribute("listingUrl", sort.isDefault() ? path : path + "?sort=" + sort.parameter());
	}
}
