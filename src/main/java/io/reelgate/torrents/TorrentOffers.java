package io.reelgate.torrents;

import io.reelgate.shared.BundleId;

import org.springframework.stereotype.Component;

/**
 * For the library's page ({@code @torrentOffers} in its template): whether to show "Download all with BitTorrent"
 * for a bundle the buyer owns. The page only links; the torrent endpoint decides again.
 */
@Component("torrentOffers")
public class TorrentOffers {

	private final TorrentAccess access;

	TorrentOffers(TorrentAccess access) {
		this.access = access;
	}

	public boolean offered(BundleId bundle) {
		return access.offered(bundle);
	}
}
