package io.reelgate.catalog;

import io.reelgate.shared.AccountId;
import io.reelgate.shared.BundleId;

/**
 * Moderation removed a bundle for good: its buyers lose it and are refunded. Published in the removing transaction,
 * and again whenever an admin repeats the removal, so the refunds that follow must be (and are) idempotent.
 */
public record BundleRemoved(BundleId bundle, AccountId creator, String title, String reason) {
}
