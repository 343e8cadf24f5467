package io.reelgate.accounts;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** Something that happened to an account's sign-in security, as the account page lists it. */
public record SecurityEvent(Kind kind, Instant at, @Nullable String clientAddress) {

	public enum Kind {
		TOTP_ENABLED, TOTP_DISABLED, RECOVERY_CODES_RENEWED, RECOVERY_CODE_USED, SECOND_FACTOR_WRONG,
		SECOND_FACTOR_REPLAYED
	}
}
