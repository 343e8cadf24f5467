package io.reelgate.checkout;

/** No order with this id belongs to the caller. */
public class OrderNotFoundException extends RuntimeException {

	public OrderNotFoundException() {
		super("Order not found");
	}
}
