package io.reelgate.storefront;

import java.util.List;

import io.reelgate.accounts.AccountService;
import io.reelgate.accounts.AccountView;
import io.reelgate.accounts.Role;
import io.reelgate.catalog.BundleNotFoundException;
import io.reelgate.catalog.Catalog;
import io.reelgate.shared.AccountId;
import io.reelgate.shared.BundleId;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The public face: newest bundles, search, and a page per creator. */
@Controller
class StorefrontController {

	static final String HOME_VIEW = "storefront/home";

	static final String CREATOR_VIEW = "storefront/creator";

	private static final int MAX_QUERY_LENGTH = 200;

	private final Catalog catalog;

	private final AccountService accounts;

	StorefrontController(Catalog catalog, AccountService accounts) {
		this.catalog = catalog;
		this.accounts = accounts;
	}

	/**
	 * Newest first, paged by stable links ({@code ?before=<id>}: the bundles older than that one; {@code ?after=<id>}
	 * back towards the newest), or search results paged by number.
	 */
	@GetMapping("/")
	String home(@RequestParam(name = "q", required = false) @Nullable String query,
			@RequestParam(name = "page", defaultValue = "0") int page,
			@RequestParam(required = false) @Nullable BundleId before,
			@RequestParam(required = false) @Nullable BundleId after, Model model) {
		boolean searching = StringUtils.hasText(query);
		String shown = searching && query.length() > MAX_QUERY_LENGTH ? query.substring(0, MAX_QUERY_LENGTH) : query;
		model.addAttribute("bundles", searching ? catalog.search(shown, page) : catalog.storefront(before, after));
		model.addAttribute("query", searching ? shown : "");
		// The featured row heads the storefront's first page only: not search results, not older pages.
		boolean firstPage = !searching && before == null && after == null;
		model.addAttribute("featured", firstPage ? catalog.featured() : List.of());
		return HOME_VIEW;
	}

	@GetMapping("/creators/{id}")
	String creator(@PathVariable AccountId id, @RequestParam(required = false) @Nullable BundleId before,
			@RequestParam(required = false) @Nullable BundleId after, Model model) {
		AccountView creator = accounts.find(id).filter(a -> a.role() == Role.CREATOR)
			.orElseThrow(BundleNotFoundException::new);
		model.addAttribute("creator", creator);
		model.addAttribute("bundles", catalog.publicBundlesOf(id, before, after));
		return CREATOR_VIEW;
	}
}
