package io.reelgate.storage;

import java.io.IOException;

/** The content was longer than the caller allowed; nothing was stored. */
public class BlobTooLargeException extends IOException {

	public BlobTooLargeException(long maxBytes) {
		super("Content exceeds the limit of " + maxBytes + " bytes");
	}
}
