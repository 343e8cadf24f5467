package io.reelgate.storage;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A capability a {@link BlobStore} may have: its blobs are plain files on a local disk, so the servlet container can
 * send them with the kernel's zero-copy {@code sendfile} instead of copying through the JVM.
 */
public interface LocalFiles {

	/** The absolute path of the blob's file, or empty if this blob is not a local file. */
	Optional<Path> localPath(String key);
}
