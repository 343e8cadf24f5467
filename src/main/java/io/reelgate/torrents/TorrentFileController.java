package io.reelgate.torrents;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.catalog.BundleDetails;
import io.reelgate.catalog.BundleNotFoundException;
import io.reelgate.catalog.Catalog;
import io.reelgate.shared.BundleId;
import io.reelgate.storage.BlobDownload.ContentDispositions;
import io.reelgate.torrents.Torrents.Torrent;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * "Download all with BitTorrent" in the library: the signed-in buyer's own {@code .torrent} of the bundle. Whoever
 * may not have the whole bundle now (a stranger, a renter, a buyer before a pre-order's release or after a refund)
 * gets the same 404 as for a bundle that does not exist; while piece hashes are still being computed, a page that
 * says so (503, Retry-After).
 */
@Controller
class TorrentFileController {

	static final String PREPARING_VIEW = "torrents/preparing";

	static final String CONTENT_TYPE = "application/x-bittorrent";

	private final TorrentAccess access;

	private final Catalog catalog;

	private final Torrents torrents;

	private final Metainfo metainfo;

	TorrentFileController(TorrentAccess access, Catalog catalog, Torrents torrents, Metainfo metainfo) {
		this.access = access;
		this.catalog = catalog;
		this.torrents = torrents;
		this.metainfo = metainfo;
	}

	@GetMapping("/library/bundles/{id}/torrent")
	@Nullable String torrent(@AuthenticationPrincipal AccountPrincipal me, @PathVariable BundleId id,
			HttpServletResponse response) throws IOException {
		if (!access.allowed(me.accountId(), id)) {
			throw new BundleNotFoundException();
		}
		BundleDetails bundle = catalog.purchased(List.of(id)).get(id);
		Optional<Torrent> torrent = bundle == null ? Optional.empty() : torrents.current(bundle);
		if (torrent.isEmpty()) {
			response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
			response.setHeader(HttpHeaders.RETRY_AFTER, "60");
			return PREPARING_VIEW;
		}
		String site = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
		byte[] file = metainfo.personal(torrent.get(), me.accountId(), site);
		response.setContentType(CONTENT_TYPE);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDispositions.of(true, torrent.get().name() + ".torrent"));
		response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
		response.setContentLength(file.length);
		response.getOutputStream().write(file);
		return null;
	}
}
