package io.reelgate.uploads;

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

	/** Deletes whatever is staged for an upload that ends unfinished (termination, expiry). */
	void delete(UploadSession session) throws IOException;

	/** Deletes what is left staged of an upload whose bytes became a blob. */
	default void completed(UploadSession session) throws IOException {
		delete(session);
	}
}
