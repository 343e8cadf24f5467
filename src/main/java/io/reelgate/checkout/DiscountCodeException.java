package io.reelgate.checkout;

import io.reelgate.shared.RefusedException;

/** A creator asked for a discount code the rules forbid; carries a message code and arguments for the form. */
public class DiscountCodeException extends RefusedException {

	public DiscountCodeException(String code, Object... arguments) {
		super(code, arguments);
	}
}
