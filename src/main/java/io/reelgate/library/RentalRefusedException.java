package io.reelgate.library;

/**
 * A rental does not give what was asked: a download ({@link Problem#RENTAL_ONLY}, rentals only stream) or a stream
 * after its window ran out ({@link Problem#ENDED}).
 */
public class RentalRefusedException extends RuntimeException {

	public enum Problem {

		RENTAL_ONLY, ENDED,
		/** A stream-only screener code: it plays the media, and downloads nothing. */
		STREAM_ONLY
	}

	private final Problem problem;

	RentalRefusedException(Problem problem) {
		super("Rental refused: " + problem);
		this.problem = problem;
	}

	public Problem problem() {
		return problem;
	}
}
