package io.reelgate.catalog;

import io.reelgate.shared.BundleFileId;
import io.reelgate.shared.BundleId;

/**
 * A file became part of a bundle, with the type detected from its bytes. Published in the transaction that adds it
 * and kept in the event publication registry until every listener has handled it.
 */
public record BundleFileAdded(BundleFileId file, BundleId bundle, String contentType) {
}
