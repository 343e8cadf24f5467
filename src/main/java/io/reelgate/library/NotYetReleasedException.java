package io.reelgate.library;

import java.time.Instant;

/** A buyer asked for a locked file of a pre-order before its release; {@code releaseAt} says when it opens. */
public class NotYetReleasedException extends RuntimeException {

	private final Instant releaseAt;

	public NotYetReleasedException(Instant releaseAt) {
		super("Not released before " + releaseAt);
		this.releaseAt = releaseAt;
	}

	public Instant releaseAt() {
		return releaseAt;
	}
}
