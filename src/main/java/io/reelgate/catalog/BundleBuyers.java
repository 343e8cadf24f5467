package io.reelgate.catalog;

import io.reelgate.shared.BundleId;

/**
 * Whether anyone has acquired a bundle, bought it and been refunded, or is paying for it right now. The catalog
 * asks before it erases a deleted creator's files; the payments side answers from its orders.
 */
public interface BundleBuyers {

	boolean exist(BundleId bundle);
}
