package io.reelgate.torrents;

import java.util.Set;

/**
 * An announce's parameters (BEP 3), every one checked: a missing, repeated, malformed or out-of-range value is a
 * {@link TrackerFailure} naming it, before anything is stored. {@code numwant} is capped at {@value #MAX_NUMWANT}.
 */
record AnnounceRequest(byte[] infoHash, byte[] peerId, int port, long uploaded, long downloaded, long left,
		String event, int numwant) {

	static final int DEFAULT_NUMWANT = 50;

	static final int MAX_NUMWANT = 200;

	private static final Set<String> EVENTS = Set.of("", "started", "completed", "stopped", "paused");

	static AnnounceRequest parse(String query) {
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
		return new AnnounceRequest(infoHash, peerId, port, uploaded, downloaded, left, event, numwant);
	}

	boolean stopped() {
		return "stopped".equals(event);
	}
}
