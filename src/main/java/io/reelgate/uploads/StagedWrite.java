package io.reelgate.uploads;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

import io.reelgate.catalog.StagedFile;
import io.reelgate.storage.MultipartBlobs.Part;
import org.jspecify.annotations.Nullable;

/**
 * One request appending to a staged upload from its durable offset. Bytes appended are not durable until
 * {@link #sync()} and the database has recorded the checkpoint it returns ({@link #synced()}).
 */
interface StagedWrite extends Closeable {

	/** How many bytes may be appended at most before a natural checkpoint (the end of a part); always positive. */
	int room();

	void append(byte[] bytes, int length) throws IOException;

	/** Whether a checkpoint should be made now, {@code bytes} after the last one. */
	boolean checkpointDue(long bytes);

	/** Makes what was appended durable in the staging area; returns what the database must record with it. */
	Checkpoint sync() throws IOException;

	/** The database recorded the last checkpoint: staged copies it replaced may go. */
	void synced();

	/** The first {@code length} bytes of the upload, which must have been appended (durable or not). */
	byte[] head(int length) throws IOException;

	/** Forgets what was appended since the last checkpoint. */
	void discard() throws IOException;

	/** The whole upload, every byte appended, for the catalog to take over. */
	StagedFile finished(String sha256) throws IOException;

	/** Whether the staged bytes are gone, taken by the store (which may still have refused them). */
	boolean consumed();

	/**
	 * What a checkpoint adds to the upload's row besides offset and digest.
	 *
	 * @param parts parts stored in object storage since the last checkpoint
	 * @param head the upload's first bytes, once they are in a stored part
	 */
	record Checkpoint(List<Part> parts, byte @Nullable [] head) {

		static final Checkpoint NONE = new Checkpoint(List.of(), null);
	}
}
