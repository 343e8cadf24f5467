package io.reelgate.accounts;

import java.time.Instant;

import io.reelgate.shared.AccountId;
import org.jspecify.annotations.Nullable;

/** A security event the account's owner is mailed about ({@link SecurityEvent.Kind#alerts()}). */
record SecurityAlertRaised(AccountId account, SecurityEvent.Kind kind, Instant at, @Nullable String clientAddress) {
}
