package io.reelgate.accounts;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Mails about the account itself. The accounts module decides what to send and makes the links; the notifications
 * module implements this and knows how mail is rendered and delivered. Links are a path and the token it takes as
 * its {@code token} parameter; the implementation makes them absolute with the site's public address.
 */
public interface AccountMailer {

	/** Asks the holder of a new account, or of an account moving to this address, to confirm the address. */
	void confirmAddress(String to, String displayName, String path, String token, boolean newAddress);

	void resetPassword(String to, String displayName, String path, String token);

	/** Tells the account's current address that a change to another address was asked for. */
	void addressChangeRequested(String to, String displayName, String newEmail);

	/**
	 * Tells the account's address about a change to how it signs in, or a sign-in from a new browser, with a link
	 * to review its sessions; {@code kind} names a {@link SecurityEvent.Kind}.
	 */
	void securityAlert(String to, String displayName, String kind, Instant at, @Nullable String clientAddress);
}
