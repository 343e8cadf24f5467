package io.reelgate.torrents;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * BitTorrent delivery (docs/bittorrent.md).
 *
 * @param enabled the platform-wide switch: off, the library offers no torrents, the tracker answers every announce
 * with a failure reason and the web seed with 403
 * @param announceInterval how often clients should announce ({@code interval})
 * @param minAnnounceInterval how often they may at most ({@code min interval})
 * @param peerLifetime how long a peer that stopped announcing stays in answers; longer than the interval
 * @param accessCache how long an answer of the download policy is reused by the tracker and the web seed: a refund
 * takes at most this long to end a buyer's announces and web-seed requests
 * @param hashInterval how often files without piece hashes are looked for (read by {@link PieceHashJob}'s schedule)
 * @param webSeedRate the most bytes per second one web-seed response sends while the torrent's swarm has a fresh
 * peer of another buyer (seeding or not), so that peers carry the load; 0 never throttles. Alone, full speed.
 * @param trackerConnections how many announces and scrapes of this instance use the database at once; the others
 * wait their turn, first come first served, so a release-day swarm keeps the rest of the connection pool for the
 * storefront and checkout, and every announce waits about as long as the others (see {@link Tracker})
 */
@ConfigurationProperties("reelgate.torrents")
record TorrentProperties(@DefaultValue("true") boolean enabled, @DefaultValue("30m") Duration announceInterval,
		@DefaultValue("5m") Duration minAnnounceInterval, @DefaultValue("65m") Duration peerLifetime,
		@DefaultValue("2s") Duration accessCache, @DefaultValue("1m") Duration hashInterval,
		@DefaultValue("1MB") DataSize webSeedRate, @DefaultValue("4") int trackerConnections) {

	TorrentProperties {
		if (announceInterval.isNegative() || announceInterval.isZero()
				|| minAnnounceInterval.compareTo(announceInterval) > 0) {
			throw new IllegalArgumentException(
					"reelgate.torrents.announce-interval must be positive and at least min-announce-interval");
		}
		if (peerLifetime.compareTo(announceInterval) <= 0) {
			throw new IllegalArgumentException("reelgate.torrents.peer-lifetime must be longer than announce-interval");
		}
		if (accessCache.isNegative() || hashInterval.isNegative() || hashInterval.isZero()) {
			throw new IllegalArgumentException("reelgate.torrents.access-cache and hash-interval must not be negative");
		}
		if (trackerConnections < 1) {
			throw new IllegalArgumentException("reelgate.torrents.tracker-connections must be at least 1");
		}
		if (webSeedRate.isNegative()) {
			throw new IllegalArgumentException("reelgate.torrents.web-seed-rate must not be negative");
		}
	}
}
