package io.reelgate.storage;

import java.io.IOException;
import java.io.InputStream;

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

	/** Opens the blob for reading from {@code offset}; the caller closes the stream. */
	InputStream open(String key, long offset) throws IOException;

	/** Deletes the blob if it exists. */
	void delete(String key) throws IOException;
}
