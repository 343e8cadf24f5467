package io.reelgate.torrents;

/**
 * Bytes a bundle's (or the platform's) torrents delivered: what peers reported downloading in announces, what they
 * reported uploading, and what the web seed served. Announced downloads include the web seed's bytes, so peers
 * carried the difference; a client that never announced its progress makes the web seed's share the larger, so the
 * delivered total is never taken below what the web seed sent.
 *
 * @param announcedDownloaded the growth of announced {@code downloaded} counters
 * @param announcedUploaded the growth of announced {@code uploaded} counters
 * @param webSeed file bytes the web seed sent
 */
public record Transfer(long announcedDownloaded, long announcedUploaded, long webSeed) {

	public static final Transfer NONE = new Transfer(0, 0, 0);

	/** Every byte buyers received by BitTorrent, from peers or the web seed. */
	public long delivered() {
		return Math.max(announcedDownloaded, webSeed);
	}

	/** What peers carried. */
	public long peerToPeer() {
		return delivered() - webSeed;
	}

	/** The peers' share of {@link #delivered()} in whole percent, 0 when nothing was delivered. */
	public int peerPercent() {
		return delivered() == 0 ? 0 : (int) Math.round(100.0 * peerToPeer() / delivered());
	}

	public int webSeedPercent() {
		return delivered() == 0 ? 0 : 100 - peerPercent();
	}
}
