package io.reelgate.storage;

/** A blob as stored: its key, its exact size and the hex SHA-256 of its bytes. */
public record StoredBlob(String key, long size, String sha256) {
}
