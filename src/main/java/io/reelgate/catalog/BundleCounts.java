package io.reelgate.catalog;

/**
 * How many bundles are in each state, for the admin dashboard. {@code public} counts published bundles in the
 * storefront; hidden ones and those of suspended or banned creators are counted apart (a bundle can be both).
 */
public record BundleCounts(long inStorefront, long drafts, long pendingReview, long hidden, long creatorWithdrawn) {
}
