package io.reelgate.torrents;

import java.io.ByteArrayOutputStream;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.reelgate.shared.AccountId;
import io.reelgate.shared.BundleId;
import io.reelgate.torrents.Peers.Announced;
import io.reelgate.torrents.Peers.Counts;
import io.reelgate.torrents.Peers.Peer;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The HTTP tracker (BEP 3) of the app's private torrents: announces answered with compact peer lists (BEP 23,
 * {@code peers} for IPv4, {@code peers6} for IPv6) of the swarm's fresh peers, and scrapes. A passkey that is not
 * ours, an info-hash we did not make, or an account that may not have the bundle (any more) gets a failure reason
 * and no peers; answers leave out peers whose own access ended. Everything is checked before anything is stored.
 */
@Service
@Transactional
class Tracker {

	static final int DEFAULT_NUMWANT = 50;

	static final int MAX_NUMWANT = 200;

	private static final Set<String> EVENTS = Set.of("", "started", "completed", "stopped", "paused");

	private final TorrentKeys keys;

	private final Torrents torrents;

	private final TorrentAccess access;

	private final Peers peers;

	private final SwarmCounts swarmCounts;

	private final TorrentProperties properties;

	private final Clock clock;

	/**
	 * Bytes peers reported in announces ({@code reelgate.torrents.announced.bytes}): {@code downloaded} counts what
	 * they received from anyone (other peers and the web seed, whose own share is
	 * {@code reelgate.torrents.web-seed.bytes}), {@code uploaded} what they gave other peers.
	 */
	private final Counter peerUploaded;

	private final Counter peerDownloaded;

	Tracker(TorrentKeys keys, Torrents torrents, TorrentAccess access, Peers peers, SwarmCounts swarmCounts,
			TorrentProperties properties, Clock clock, MeterRegistry meters) {
		this.peerUploaded = meters.counter("reelgate.torrents.announced.bytes", "direction", "uploaded");
		this.peerDownloaded = meters.counter("reelgate.torrents.announced.bytes", "direction", "downloaded");
		this.keys = keys;
		this.torrents = torrents;
		this.access = access;
		this.peers = peers;
		this.swarmCounts = swarmCounts;
		this.properties = properties;
		this.clock = clock;
	}

	/** @throws TrackerFailure with the reason to answer */
	byte[] announce(String passkey, String query, String remoteAddress) {
		AccountId account = keys.verifyPasskey(passkey).orElseThrow(() -> new TrackerFailure("unknown passkey"));
		TrackerQuery q = TrackerQuery.parse(query);
		byte[] infoHash = q.exactly("info_hash", 20);
		byte[] peerId = q.exactly("peer_id", 20);
		int port = q.number("port", 1, 65535).orElseThrow(() -> new TrackerFailure("missing port")).intValue();
		long uploaded = q.number("uploaded", 0, Long.MAX_VALUE).orElse(0L);
		long downloaded = q.number("downloaded", 0, Long.MAX_VALUE).orElse(0L);
		long left = q.number("left", 0, Long.MAX_VALUE).orElseThrow(() -> new TrackerFailure("missing left"));
		String event = q.text("event").orElse("");
		if (!EVENTS.contains(event)) {
			throw new TrackerFailure("invalid event");
		}
		int numwant = (int) Math.min(MAX_NUMWANT, q.number("numwant", 0, Long.MAX_VALUE).orElse((long) DEFAULT_NUMWANT));
		byte[] address = address(remoteAddress);
		BundleId bundle = grantedBundle(account, infoHash);

		Instant now = clock.instant();
		Announced peer = new Announced(infoHash, account, peerId, bundle, address, port, uploaded,
				downloaded, left, now);
		peers.commitWithoutWaitingForTheDisk();
		Optional<long[]> previous = peers.lockPrevious(peer);
		long[] before = previous.orElse(new long[] { 0, 0 });
		// A client's counters restart with its session; a drop means a new session, counted from zero.
		long uploadedSince = uploaded >= before[0] ? uploaded - before[0] : uploaded;
		long downloadedSince = downloaded >= before[1] ? downloaded - before[1] : downloaded;
		peers.addTransfer(bundle, now, uploadedSince, downloadedSince);
		peerUploaded.increment(uploadedSince);
		peerDownloaded.increment(downloadedSince);
		Instant since = now.minus(properties.peerLifetime());
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("interval", properties.announceInterval().toSeconds());
		answer.put("min interval", properties.minAnnounceInterval().toSeconds());
		if ("stopped".equals(event)) {
			peers.remove(peer);
			numwant = 0;
		}
		else {
			peers.upsert(peer);
		}
		Counts counts = swarmCounts.of(infoHash);
		answer.put("complete", counts.complete());
		answer.put("incomplete", counts.incomplete());
		ByteArrayOutputStream v4 = new ByteArrayOutputStream();
		ByteArrayOutputStream v6 = new ByteArrayOutputStream();
		if (numwant > 0) {
			List<Peer> candidates = peers.fresh(peer, since, numwant * 2);
			int given = 0;
			for (Peer candidate : candidates) {
				if (given == numwant) {
					break;
				}
				if (!access.allowed(candidate.account(), bundle)) {
					continue;
				}
				ByteArrayOutputStream out = candidate.address().length == 4 ? v4 : v6;
				out.writeBytes(candidate.address());
				out.write(candidate.port() >> 8);
				out.write(candidate.port() & 0xff);
				given++;
			}
		}
		answer.put("peers", v4.toByteArray());
		answer.put("peers6", v6.toByteArray());
		return Bencode.encode(answer);
	}

	/** Counts for each asked info-hash the passkey's account may have; others are left out, as unknown. */
	@Transactional(readOnly = true)
	byte[] scrape(String passkey, String query) {
		AccountId account = keys.verifyPasskey(passkey).orElseThrow(() -> new TrackerFailure("unknown passkey"));
		List<byte[]> hashes = TrackerQuery.parse(query).all("info_hash");
		if (hashes.isEmpty()) {
			throw new TrackerFailure("scrape needs info_hash");
		}
		Map<String, Object> files = new LinkedHashMap<>();
		for (byte[] infoHash : hashes) {
			if (infoHash.length != 20) {
				throw new TrackerFailure("invalid info_hash: 20 bytes expected");
			}
			Optional<BundleId> bundle = torrents.bundleOf(infoHash);
			if (bundle.isPresent() && access.allowed(account, bundle.get())) {
				Counts counts = swarmCounts.of(infoHash);
				files.put(new String(infoHash, StandardCharsets.ISO_8859_1), Map.of("complete",
						counts.complete(), "incomplete", counts.incomplete()));
			}
		}
		return Bencode.encode(Map.of("files", files));
	}

	private BundleId grantedBundle(AccountId account, byte[] infoHash) {
		BundleId bundle = torrents.bundleOf(infoHash).orElseThrow(() -> new TrackerFailure("unregistered torrent"));
		if (!access.allowed(account, bundle)) {
			throw new TrackerFailure("this account may not download this torrent");
		}
		return bundle;
	}

	/** The address the request came from (never a client-claimed {@code ip}); IPv4-mapped IPv6 as IPv4. */
	private static byte[] address(String remoteAddress) {
		if (!remoteAddress.matches("[0-9A-Fa-f:.]{2,45}")) {
			throw new TrackerFailure("unsupported peer address");
		}
		try {
			InetAddress parsed = InetAddress.getByName(remoteAddress);
			if (parsed instanceof Inet4Address || parsed instanceof Inet6Address) {
				return parsed.getAddress();
			}
		}
		catch (UnknownHostException ex) {
			throw new TrackerFailure("unsupported peer address");
		}
		throw new TrackerFailure("unsupported peer address");
	}
}
