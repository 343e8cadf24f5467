package io.reelgate.checkout;

/** What an order buys: the bundle for good, or a rental that streams its locked media for a window. */
public enum OrderKind {

	PURCHASE, RENTAL
}
