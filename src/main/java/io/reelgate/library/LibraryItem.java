package io.reelgate.library;

import java.time.Instant;

import io.reelgate.catalog.BundleDetails;

/** A bundle in a buyer's library and when it became theirs. */
public record LibraryItem(BundleDetails bundle, Instant acquiredAt) {
}
