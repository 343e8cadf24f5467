package io.reelgate.torrents;

import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.reelgate.torrents.Peers.Counts;

import org.springframework.stereotype.Component;

/**
 * A swarm's {@code complete} and {@code incomplete} figures for announce and scrape answers, counted from
 * {@code torrent_peers}. Counting reads the whole swarm, so once a swarm has {@value #LARGE} peers or more its
 * figures are counted at most once per torrent every {@code reelgate.torrents.access-cache}: on release day every
 * announce of thousands of peers would otherwise count them all again. The figures are advisory (clients only show
 * them), so a large swarm's a moment old is fine; a small swarm is counted on every answer, exactly and cheaply. The
 * cache is this instance's shortcut, never state another instance needs.
 */
@Component
class SwarmCounts {

	static final int LARGE = 500;

	private static final int MAX_CACHED = 10_000;

	private final Peers peers;

	private final TorrentProperties properties;

	private final Clock clock;

	private final Map<String, Cached> cache = new ConcurrentHashMap<>();

	SwarmCounts(Peers peers, TorrentProperties properties, Clock clock) {
		this.peers = peers;
		this.properties = properties;
		this.clock = clock;
	}

	private record Cached(Counts counts, Instant until) {
	}

	/** When a large swarm's figures expire, the first announce counts again while the others keep the old ones. */
	Counts of(byte[] infoHash) {
		Instant now = clock.instant();
		String key = HexFormat.of().formatHex(infoHash);
		Cached cached = cache.get(key);
		if (cached != null && (now.isBefore(cached.until())
				|| !cache.replace(key, cached, new Cached(cached.counts(), now.plus(properties.accessCache()))))) {
			return cache.getOrDefault(key, cached).counts();
		}
		Counts counts = peers.counts(infoHash, now.minus(properties.peerLifetime()));
		if (counts.complete() + counts.incomplete() >= LARGE) {
			if (cache.size() >= MAX_CACHED) {
				cache.clear();
			}
			cache.put(key, new Cached(counts, now.plus(properties.accessCache())));
		}
		else {
			cache.remove(key);
		}
		return counts;
	}
}
