package io.reelgate.storage;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * A capability a {@link BlobStore} may have: it can hand out a short-lived URL from which a client fetches the blob
 * directly (an S3 presigned GET). Download endpoints check who may have the bytes first and then redirect there, so
 * the bytes never pass through the application.
 */
public interface PresignedUrls {

	/**
	 * A URL that serves the blob for at most {@code lifetime}, answering with the given type and an attachment
	 * {@code Content-Disposition} for {@code filename}; empty if this blob cannot be presigned.
	 */
	Optional<URI> presignedGet(String key, String filename, String contentType, Duration lifetime);
}
