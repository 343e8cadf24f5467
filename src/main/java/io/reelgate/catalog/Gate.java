package io.reelgate.catalog;

/** What stands between a viewer and a bundle's locked files. */
public enum Gate {
	/** Anyone with an account gets it. */
	FREE,
	/** A fixed price. */
	PAID,
	/** Pay what you want, at least a minimum the creator sets (zero allowed). */
	PWYW,
	/** A confirmed email address, shared with the creator with the viewer's consent. */
	EMAIL
}
