package io.reelgate.catalog;

import io.reelgate.storage.StoredBlob;

/** A blob that has been fully stored and is about to join a bundle, with the name and type buyers will see. */
record FileUpload(StoredBlob blob, String displayName, String contentType) {
}
