package io.reelgate.library;

/** No such screener code, or another creator's: the same 404 either way. */
public class ScreenerNotFoundException extends RuntimeException {

	ScreenerNotFoundException() {
		super("No such screener code");
	}
}
