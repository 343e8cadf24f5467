package io.reelgate.checkout;

/** No such discount code, or not the asking creator's: the same answer, so ids cannot be probed. */
public class DiscountCodeNotFoundException extends RuntimeException {

	public DiscountCodeNotFoundException() {
		super("Discount code not found");
	}
}
