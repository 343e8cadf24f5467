package io.reelgate.torrents;

/** A tracker request refused: answered with a bencoded {@code failure reason} (BEP 3) carrying this message. */
class TrackerFailure extends RuntimeException {

	TrackerFailure(String reason) {
		super(reason);
	}
}
