package io.reelgate.checkout;

/** The order was cancelled or expired and can no longer be paid. */
public class OrderClosedException extends RuntimeException {

	public OrderClosedException() {
		super("This order is closed");
	}
}
