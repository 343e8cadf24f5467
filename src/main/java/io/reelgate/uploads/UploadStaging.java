package io.reelgate.uploads;

import java.io.Closeable;
import java.io.IOException;
import java.util.UUID;

import io.reelgate.storage.MultipartBlobs.Multipart;
import org.jspecify.annotations.Nullable;

/**
 * Where the bytes of unfinished uploads wait: local files ({@link FileStaging}, which several instances must share
 * as a volume) or the object store itself ({@link ObjectStaging}, which needs nothing but the bucket and the database).
 * Only the prefix up to the upload's recorded offset counts; anything after it is ignored or cut off.
 */
interface UploadStaging {

	/** Prepares for an upload of {@code length} bytes; returns the object-storage upload, if the bytes go there. */
	@Nullable Multipart create(UUID id, long length) throws IOException;

	/** Opens the upload for appending at its recorded offset. */
	StagedWrite open(UploadSession session) throws IOException;

	/**
	 * How many bytes are staged past the recorded offset: bytes a request appended and never checkpointed, which a
	 * killed process leaves behind (or a request under way is writing). 0 for stores that cannot recover them.
	 */
	default long unrecorded(UploadSession session) throws IOException {
		return 0;
	}

	/** Opens the bytes staged past the recorded offset, to recover them; only for stores that count them. */
	default Unrecorded openUnrecorded(UploadSession session) throws IOException {
		throw new UnsupportedOperationException("Bytes past the recorded offset are not recovered from this store");
	}

	/** Deletes whatever is staged for an upload that ends unfinished (termination, expiry). */
	void delete(UploadSession session) throws IOException;

	/** Deletes what is left staged of an upload whose bytes became a blob. */
	default void completed(UploadSession session) throws IOException {
		delete(session);
	}

	/** Bytes staged past an upload's recorded offset, read in order from there. */
	interface Unrecorded extends Closeable {

		/** Reads up to {@code length} bytes; 0 at the end. */
		int read(byte[] buffer, int length) throws IOException;

		/** The upload's first {@code length} bytes. */
		byte[] head(int length) throws IOException;

		/** Makes the staged bytes durable, before the database records them. */
		void sync() throws IOException;
	}
}
