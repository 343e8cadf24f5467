package io.reelgate.catalog;

import java.io.IOException;
import java.io.InputStream;

import io.reelgate.storage.StoredBlob;

/**
 * The bytes of a finished upload, received elsewhere (a resumable upload), that the blob store can take over without
 * the catalog streaming them again.
 */
public interface StagedFile {

	/** How many leading bytes {@link #head()} must offer (fewer only if the file is shorter): the type check's. */
	int HEAD_LENGTH = ContentTypes.HEAD_LENGTH;

	/** The file's first bytes, from which its type is detected. */
	InputStream head() throws IOException;

	/** Makes the bytes a blob of the store; afterwards the staged bytes are gone. */
	StoredBlob store(long maxBytes) throws IOException;
}
