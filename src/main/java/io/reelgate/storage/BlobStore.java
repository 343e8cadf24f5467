package io.reelgate.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where file bytes live. Adapters must stream: nothing here may hold a whole file in memory.
 * Keys are made by the store itself, never from user input.
 */
public interface BlobStore {

	/**
	 * Streams {@code content} into a new blob, computing its size and SHA-256 on the way.
	 * Either the whole blob is stored and returned, or nothing is left behind.
	 * @param maxBytes the most bytes accepted; more makes this throw {@link BlobTooLargeException}
	 */
	StoredBlob store(InputStream content, long maxBytes) throws IOException;

	/**
	 * Takes a complete local file (such as a finished resumable upload) into the store, like {@link #store} but
	 * allowed to move the file instead of copying it; either way the file is gone afterwards if this succeeds.
	 * @param sha256 the file's SHA-256 as its writer computed it from the bytes it wrote (lowercase hex); a store
	 * that moves the file records it without reading the file again, one that copies checks it on the way
	 */
	default StoredBlob adopt(Path file, long maxBytes, String sha256) throws IOException {
		StoredBlob blob;
		try (InputStream content = Files.newInputStream(file)) {
			blob = store(content, maxBytes);
		}
		if (!blob.sha256().equals(sha256)) {
			delete(blob.key());
			throw new IOException("The file read back does not have the SHA-256 it was written with");
		}
		Files.deleteIfExists(file);
		return blob;
	}

	/** Opens the blob for reading from {@code offset}; the caller closes the stream. */
	InputStream open(String key, long offset) throws IOException;

	/** Deletes the blob if it exists. */
	void delete(String key) throws IOException;

	/** Throws if the store cannot take or serve blobs right now (readiness: disk gone, bucket unreachable). */
	void checkAvailable() throws IOException;
}
