package io.reelgate.accounts;

/** What following a mailed link did. */
public enum LinkOutcome {
	/** The address is confirmed. */
	EMAIL_VERIFIED,
	/** The account moved to the new address; every session was logged out. */
	EMAIL_CHANGED,
	/** The password is changed; every session was logged out. */
	PASSWORD_RESET,
	/** Forged, mistyped, used before or replaced by a newer link. */
	INVALID,
	/** Genuine but too old; a new link must be asked for. */
	EXPIRED,
	/** The new address has been taken by another account since the change was asked for. */
	EMAIL_TAKEN;

	public boolean succeeded() {
		return this == EMAIL_VERIFIED || this == EMAIL_CHANGED || this == PASSWORD_RESET;
	}
}
