package io.reelgate.library;

import java.time.Instant;
import java.util.UUID;

import io.reelgate.shared.AccountId;
import io.reelgate.shared.BundleId;
import org.jspecify.annotations.Nullable;

/**
 * A viewer confirmed their email address and so unlocked an email-gated bundle; {@code account} is set when they
 * did it logged in (the bundle is then in their library). For analytics, alongside checkout's {@code OrderPaid}.
 */
public record EmailUnlockConfirmed(UUID unlockId, BundleId bundle, AccountId creator, @Nullable AccountId account,
		Instant confirmedAt) {
}
