package io.reelgate.torrents;

import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The operators' BitTorrent page ({@code /admin/torrents}, admins only by the security chain): bytes peers carried
 * against the web seed platform-wide and for the busiest bundles, and the files whose piece hashes failed, with a
 * way to try one again (after restoring its blob, say).
 */
@Controller
class TorrentAdminController {

	static final String VIEW = "torrents/admin";

	private static final int LISTED = 50;

	private final TorrentFigures figures;

	private final HashFailures failures;

	private final TorrentAccess access;

	TorrentAdminController(TorrentFigures figures, HashFailures failures, TorrentAccess access) {
		this.figures = figures;
		this.failures = failures;
		this.access = access;
	}

	@GetMapping("/admin/torrents")
	String show(Model model) {
		model.addAttribute("enabled", access.enabled());
		model.addAttribute("platform", figures.platform());
		model.addAttribute("busiest", figures.busiest(LISTED));
		model.addAttribute("failures", failures.recent(LISTED));
		return VIEW;
	}

	/** Forgets a file's failure, so the next run of the hashing job tries it again. */
	@PostMapping("/admin/torrents/failures/{fileId}/retry")
	String retry(@PathVariable UUID fileId, RedirectAttributes redirect) {
		redirect.addFlashAttribute("success", failures.clear(fileId) ? "torrent.admin.retrying" : "torrent.admin.noFailure");
		return "redirect:/admin/torrents";
	}
}
