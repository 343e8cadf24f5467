package io.reelgate.storage;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.UUID;

/**
 * A capability a {@link BlobStore} may have: a blob can be written part by part over many requests and instances
 * (an S3 multipart upload), with small scratch objects for bytes that do not fill a part yet. Resumable uploads
 * use it to keep their unfinished bytes in the store itself rather than on a local disk.
 */
public interface MultipartBlobs {

	/** Starts writing a new blob of {@code length} bytes in parts sized so that the store's part limit covers it. */
	Multipart start(long length) throws IOException;

	/** Stores part {@code number} (from 1); storing a number again replaces that part. Returns the part's ETag. */
	String uploadPart(Multipart upload, int number, byte[] bytes, int length) throws IOException;

	/**
	 * Joins the parts into the blob, which appears under its key only now, and checks its size. The SHA-256 is the
	 * caller's, computed as the parts' bytes went by: the store does not see the bytes again.
	 */
	StoredBlob complete(Multipart upload, List<Part> parts, String sha256) throws IOException;

	/** Drops the parts of an upload that will never complete. */
	void abort(Multipart upload) throws IOException;

	/** Keeps bytes of unfinished upload {@code upload} that end at {@code offset} (less than a part). */
	void putScratch(UUID upload, long offset, byte[] bytes, int length) throws IOException;

	/** Reads what {@link #putScratch} kept for {@code upload} at {@code offset}. */
	InputStream openScratch(UUID upload, long offset) throws IOException;

	/** Deletes the scratch object of {@code upload} at {@code offset}, if any. */
	void deleteScratch(UUID upload, long offset) throws IOException;

	/** Deletes every scratch object of {@code upload}. */
	void deleteAllScratch(UUID upload) throws IOException;

	/** A blob being written in parts: its future key, the store's id of the upload, and the size of each part. */
	record Multipart(String key, String uploadId, long partSize) {
	}

	/** A stored part: its number, the ETag the store gave it, and its size. */
	record Part(int number, String etag, long size) {
	}
}
