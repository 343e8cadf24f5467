package io.reelgate.accounts;

/**
 * Whether an account is in good standing. A suspended account may be restored after review; a ban is meant to be
 * final but an admin can still restore it. Neither stops the owner from logging in to see why.
 */
public enum AccountStatus {
	ACTIVE, SUSPENDED, BANNED
}
