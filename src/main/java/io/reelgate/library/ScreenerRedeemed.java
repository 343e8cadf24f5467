package io.reelgate.library;

import java.time.Instant;
import java.util.UUID;

import io.reelgate.shared.AccountId;
import io.reelgate.shared.BundleId;

/** Someone redeemed a screener code and so got the bundle without paying; for analytics. */
public record ScreenerRedeemed(UUID codeId, BundleId bundle, AccountId creator, AccountId account,
		Instant redeemedAt) {
}
