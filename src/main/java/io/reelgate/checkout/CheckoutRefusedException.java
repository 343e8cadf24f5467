package io.reelgate.checkout;

import io.reelgate.shared.RefusedException;

/**
 * The buyer may not acquire this bundle (for instance their own), or not on these terms (an amount below the
 * minimum, an expired code); carries a message code and its arguments for the page.
 */
public class CheckoutRefusedException extends RefusedException {

	public CheckoutRefusedException(String code, Object... arguments) {
		super(code, arguments);
	}
}
