package io.reelgate.catalog;

import io.reelgate.shared.BundleId;

/** A pre-ordered bundle's release has come: its buyers have the locked files now. Published once per release. */
public record BundleReleased(BundleId bundle, String title) {
}
