package io.reelgate.library.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.catalog.FileView;
import io.reelgate.library.DownloadLinks;
import io.reelgate.library.Gifting;
import io.reelgate.library.Library;
import io.reelgate.library.LibraryItem;
import io.reelgate.ratelimit.RateLimiter;
import io.reelgate.shared.BundleFileId;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class LibraryController {

	static final String VIEW = "library/library";

	private final Library library;

	private final DownloadLinks links;

	private final RateLimiter limiter;

	private final DownloadLinkRateLimitProperties limits;

	private final Gifting gifting;

	LibraryController(Library library, DownloadLinks links, RateLimiter limiter,
			DownloadLinkRateLimitProperties limits, Gifting gifting) {
		this.library = library;
		this.links = links;
		this.limiter = limiter;
		this.limits = limits;
		this.gifting = gifting;
	}

	/**
	 * Rentals get players and no links (they stream only). Each file that downloads gets a fresh signed link that
	 * works without this session, for download managers too; issuing them is rate-limited per account.
	 */
	@GetMapping("/library")
	String show(@AuthenticationPrincipal AccountPrincipal me, Model model) {
		limiter.consume("download-links:account:" + me.accountId(), limits.perAccount());
		List<LibraryItem> items = library.itemsOf(me.accountId());
		Map<BundleFileId, String> downloadLinks = new HashMap<>();
		for (LibraryItem item : items) {
			if (item.downloads()) {
				for (FileView file : item.bundle().files()) {
					downloadLinks.put(file.id(), links.pathFor(file.id(), me.accountId(), file.name()));
				}
			}
		}
		model.addAttribute("items", items);
		model.addAttribute("links", downloadLinks);
		model.addAttribute("linkLifetimeHours", links.lifetime().toHours());
		model.addAttribute("sentGifts", gifting.sentBy(me.accountId()));
		return VIEW;
	}
}
