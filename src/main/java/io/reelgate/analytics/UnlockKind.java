package io.reelgate.analytics;

/**
 * The gate through which a viewer got a bundle's locked part. A new gate records its unlocks through
 * {@link Analytics#unlocked} with its own kind; the rollups and pages need no change.
 */
public enum UnlockKind {
	/** Paid (any amount, pay what you want included). */
	PURCHASE,
	/** Claimed a free bundle. */
	FREE,
	/** Confirmed an email address at an email gate. */
	EMAIL,
	/** Rented for a streaming window. */
	RENTAL,
	/** Claimed a gift someone bought for them. */
	GIFT,
	/** Redeemed a creator's screener or press code. */
	SCREENER
}
