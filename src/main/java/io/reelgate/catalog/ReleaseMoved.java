package io.reelgate.catalog;

import java.time.Instant;

import io.reelgate.shared.BundleId;

/**
 * A published pre-order's release moved from {@code from} to {@code to}: its buyers were told the old date by their
 * receipt and the bundle page, so they hear of the new one.
 */
public record ReleaseMoved(BundleId bundle, String title, Instant from, Instant to) {
}
