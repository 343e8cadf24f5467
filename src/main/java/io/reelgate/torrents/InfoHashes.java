package io.reelgate.torrents;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.reelgate.shared.BundleId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which bundle a torrent's info-hash belongs to, for the tracker, which asks on every announce and scrape. A
 * torrent's bundle never changes, so a found answer is kept for a minute (at most {@value #MAX_CACHED} of them):
 * only a deleted bundle's torrent, made again for another bundle with the same title and the very same files,
 * would change it. Whether the asker may have the bundle is checked separately, each time. Info-hashes we did not
 * make are asked of the database every time and never kept. The cache is this instance's shortcut, never state
 * another instance needs.
 */
@Component
class InfoHashes {

	private static final int MAX_CACHED = 100_000;

	private static final Duration KEPT = Duration.ofMinutes(1);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Map<String, Known> known = new ConcurrentHashMap<>();

	InfoHashes(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	private record Known(BundleId bundle, Instant until) {
	}

	Optional<BundleId> bundleOf(byte[] infoHash) {
		Instant now = clock.instant();
		String key = HexFormat.of().formatHex(infoHash);
		Known cached = known.get(key);
		if (cached != null && now.isBefore(cached.until())) {
			return Optional.of(cached.bundle());
		}
		Optional<BundleId> bundle = jdbc.sql("select bundle_id from torrents where info_hash = ?")
			.param(infoHash)
			.query((rs, n) -> new BundleId(rs.getObject("bundle_id", UUID.class)))
			.optional();
		if (bundle.isPresent()) {
			if (known.size() >= MAX_CACHED) {
				known.clear();
			}
			known.put(key, new Known(bundle.get(), now.plus(KEPT)));
		}
		else {
			known.remove(key);
		}
		return bundle;
	}
}
