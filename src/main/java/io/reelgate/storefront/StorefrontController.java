package io.reelgate.storefront;

import io.reelgate.accounts.AccountService;
import io.reelgate.accounts.AccountView;
import io.reelgate.accounts.Role;
import io.reelgate.catalog.BundleNotFoundException;
import io.reelgate.catalog.BundleSummary;
import io.reelgate.catalog.Catalog;
import io.reelgate.shared.AccountId;

import org.springframework.data.domain.Page;
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

	@GetMapping("/")
	String home(@RequestParam(name = "q", required = false) String query,
			@RequestParam(name = "page", defaultValue = "0") int page, Model model) {
		boolean searching = StringUtils.hasText(query);
		Page<BundleSummary> bundles = searching
				? catalog.search(query.length() > MAX_QUERY_LENGTH ? query.substring(0, MAX_QUERY_LENGTH) : query, page)
				: catalog.storefront(page);
		model.addAttribute("bundles", bundles);
		model.addAttribute("query", searching ? query : "");
		return HOME_VIEW;
	}

	@GetMapping("/creators/{id}")
	String creator(@PathVariable AccountId id, @RequestParam(name = "page", defaultValue = "0") int page,
			Model model) {
		AccountView creator = accounts.find(id).filter(a -> a.role() == Role.CREATOR)
			.orElseThrow(BundleNotFoundException::new);
		model.addAttribute("creator", creator);
		model.addAttribute("bundles", catalog.publicBundlesOf(id, page));
		return CREATOR_VIEW;
	}
}
