package io.reelgate.torrents;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.shared.BundleId;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The BitTorrent switch of the studio's bundle editor (its section is {@code torrents/studio.html}). */
@Controller
class TorrentStudioController {

	private final TorrentSwitches switches;

	TorrentStudioController(TorrentSwitches switches) {
		this.switches = switches;
	}

	@PostMapping("/studio/bundles/{id}/torrent")
	String change(@AuthenticationPrincipal AccountPrincipal me, @PathVariable BundleId id,
			@RequestParam boolean enabled, RedirectAttributes redirect) {
		switches.set(me.accountId(), id, enabled);
		redirect.addFlashAttribute("success", enabled ? "torrent.studio.turnedOn" : "torrent.studio.turnedOff");
		return "redirect:/studio/bundles/" + id.value();
	}
}
