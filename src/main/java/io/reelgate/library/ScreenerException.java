package io.reelgate.library;

import io.reelgate.shared.RefusedException;

/** A screener code that cannot be made or redeemed as asked; the code is a message key for the form. */
public class ScreenerException extends RefusedException {

	ScreenerException(String code, Object... arguments) {
		super(code, arguments);
	}
}
