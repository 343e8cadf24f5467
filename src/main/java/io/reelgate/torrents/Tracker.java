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
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.reelgate.shared.AccountId;
import io.reelgate.shared.BundleId;
import io.reelgate.torrents.Peers.Announced;
import io.reelgate.torrents.Peers.Counts;
import io.reelgate.torrents.Peers.Growth;
import io.reelgate.torrents.Peers.Peer;

import org.springframework.stereotype.Service;

/**
 * The HTTP tracker (BEP 3) of the app's private torrents: announces answered with compact peer lists (BEP 23,
 * {@code peers} for IPv4, {@code peers6} for IPv6) of the swarm's fresh peers, and scrapes. A passkey that is not
 * ours, an info-hash we did not make, or an account that may not have the bundle (any more) gets a failure reason
 * and no peers; answers leave out peers whose own access ended. Everything is checked before anything is stored.
 * <p>
 * No method here runs in a transaction: an announce's only write is one statement ({@link Peers#upsert}), atomic
 * by itself, and what it reads afterwards (counts, peers) needs no snapshot shared with it. A transaction around an
 * announce would cost a begin, a commit and an entity manager per announce, the tracker's busiest path.
 * <p>
 * The database work of at most {@code tracker-connections} requests runs at once, the others wait for a turn in
 * the order they came. Without it, a swarm's announces took every connection of the pool from the rest of the app,
 * and the pool hands a freed connection to whoever asks at that moment rather than to the longest waiting, so at
 * 32 concurrent announces the slowest 1 % waited 0.3 to 0.6 s while the median took 16 ms.
 */
@Service
class Tracker {

	private final TorrentKeys keys;

	private final InfoHashes infoHashes;

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

	private final Semaphore turns;

	Tracker(TorrentKeys keys, InfoHashes infoHashes, TorrentAccess access, Peers peers, SwarmCounts swarmCounts,
			TorrentProperties properties, Clock clock, MeterRegistry meters) {
		this.peerUploaded = meters.counter("reelgate.torrents.announced.bytes", "direction", "uploaded");
		this.peerDownloaded = meters.counter("reelgate.torrents.announced.bytes", "direction", "downloaded");
		this.keys = keys;
		this.infoHashes = infoHashes;
		this.access = access;
		this.peers = peers;
		this.swarmCounts = swarmCounts;
		this.properties = properties;
		this.clock = clock;
		this.turns = new Semaphore(properties.trackerConnections(), true);
	}

	/** @throws TrackerFailure with the reason to answer */
	byte[] announce(String passkey, String query, String remoteAddress) {
		AccountId account = keys.verifyPasskey(passkey).orElseThrow(() -> new TrackerFailure("unknown passkey"));
		AnnounceRequest request = AnnounceRequest.parse(query);
		byte[] address = address(remoteAddress);
		return inTurn(() -> answer(account, request, address));
	}

	private byte[] answer(AccountId account, AnnounceRequest request, byte[] address) {
		BundleId bundle = grantedBundle(account, request.infoHash());
		Announced peer = new Announced(request.infoHash(), account, request.peerId(), bundle, address,
				request.port(), request.uploaded(), request.downloaded(), request.left(), clock.instant());
		Growth growth = request.stopped() ? peers.remove(peer) : peers.upsert(peer);
		peerUploaded.increment(growth.uploaded());
		peerDownloaded.increment(growth.downloaded());
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("interval", properties.announceInterval().toSeconds());
		answer.put("min interval", properties.minAnnounceInterval().toSeconds());
		Counts counts = swarmCounts.of(request.infoHash());
		answer.put("complete", counts.complete());
		answer.put("incomplete", counts.incomplete());
		int numwant = request.stopped() ? 0 : request.numwant();
		CompactPeers given = numwant == 0 ? new CompactPeers() : peersFor(peer, numwant);
		answer.put("peers", given.v4.toByteArray());
		answer.put("peers6", given.v6.toByteArray());
		return Bencode.encode(answer);
	}

	private byte[] inTurn(Supplier<byte[]> work) {
		try {
			turns.acquire();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new TrackerFailure("the tracker is shutting down; announce again");
		}
		try {
			return work.get();
		}
		finally {
			turns.release();
		}
	}

	/** Up to {@code numwant} fresh peers of the swarm besides the asker, each of an account still allowed in. */
	private CompactPeers peersFor(Announced peer, int numwant) {
		CompactPeers given = new CompactPeers();
		Instant since = peer.at().minus(properties.peerLifetime());
		int count = 0;
		for (Peer candidate : peers.fresh(peer, since, numwant * 2)) {
			if (count == numwant) {
				break;
			}
			if (access.allowed(candidate.account(), peer.bundle())) {
				given.add(candidate);
				count++;
			}
		}
		return given;
	}

	/** BEP 23's compact forms: 4 address bytes and 2 port bytes per IPv4 peer, 16 and 2 per IPv6 peer. */
	private static final class CompactPeers {

		private final ByteArrayOutputStream v4 = new ByteArrayOutputStream();

		private final ByteArrayOutputStream v6 = new ByteArrayOutputStream();

		void add(Peer peer) {
			ByteArrayOutputStream out = peer.address().length == 4 ? v4 : v6;
			out.writeBytes(peer.address());
			out.write(peer.port() >> 8);
			out.write(peer.port() & 0xff);
		}
	}

	/** Counts for each asked info-hash the passkey's account may have; others are left out, as unknown. */
	byte[] scrape(String passkey, String query) {
		AccountId account = keys.verifyPasskey(passkey).orElseThrow(() -> new TrackerFailure("unknown passkey"));
		List<byte[]> hashes = TrackerQuery.parse(query).all("info_hash");
		if (hashes.isEmpty()) {
			throw new TrackerFailure("scrape needs info_hash");
		}
		for (byte[] infoHash : hashes) {
			if (infoHash.length != 20) {
				throw new TrackerFailure("invalid info_hash: 20 bytes expected");
			}
		}
		return inTurn(() -> {
			Map<String, Object> files = new LinkedHashMap<>();
			for (byte[] infoHash : hashes) {
				Optional<BundleId> bundle = infoHashes.bundleOf(infoHash);
				if (bundle.isPresent() && access.allowed(account, bundle.get())) {
					Counts counts = swarmCounts.of(infoHash);
					files.put(new String(infoHash, StandardCharsets.ISO_8859_1), Map.of("complete",
							counts.complete(), "incomplete", counts.incomplete()));
				}
			}
			return Bencode.encode(Map.of("files", files));
		});
	}

	private BundleId grantedBundle(AccountId account, byte[] infoHash) {
		BundleId bundle = infoHashes.bundleOf(infoHash).orElseThrow(() -> new TrackerFailure("unregistered torrent"));
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
