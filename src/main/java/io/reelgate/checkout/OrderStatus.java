package io.reelgate.checkout;

/** Where an order stands. Only PENDING moves; PAID and CANCELLED are final in this version. */
public enum OrderStatus {
	PENDING, PAID, CANCELLED
}
