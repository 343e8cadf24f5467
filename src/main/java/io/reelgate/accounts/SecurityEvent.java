package io.reelgate.accounts;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** Something that happened to an account's sign-in security, as the account page lists it. */
public record SecurityEvent(Kind kind, Instant at, @Nullable String clientAddress) {

	public enum Kind {
		TOTP_ENABLED(true), TOTP_DISABLED(true), RECOVERY_CODES_RENEWED(true), RECOVERY_CODE_USED(true),
		SECOND_FACTOR_WRONG(false), SECOND_FACTOR_REPLAYED(false), SIGNED_IN_NEW_DEVICE(true), PASSWORD_CHANGED(true),
		PASSKEY_ADDED(true), PASSKEY_REMOVED(true);

		private final boolean alerts;

		Kind(boolean alerts) {
			this.alerts = alerts;
		}

		/**
		 * Whether the account's owner is mailed about it: every change to how they sign in, and a sign-in from a
		 * browser that never signed in as them. A mistyped code is only listed (the rate limit answers a guesser).
		 */
		public boolean alerts() {
			return alerts;
		}
	}
}
