package io.reelgate.checkout;

/**
 * Where an order stands. PENDING until paid or closed; a paid order can be refunded or disputed, and a dispute
 * the seller wins makes it PAID again. CANCELLED (by the buyer), EXPIRED (checkout abandoned or payment failed)
 * and REFUNDED are final.
 */
public enum OrderStatus {
	PENDING, PAID, REFUNDED, DISPUTED, CANCELLED, EXPIRED;

	/** Closed before any payment was taken: a payment that arrives now is the buyer's to get back. */
	public boolean closedUnpaid() {
		return this == CANCELLED || this == EXPIRED;
	}
}
