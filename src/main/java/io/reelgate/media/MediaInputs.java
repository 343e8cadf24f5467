package io.reelgate.media;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import io.reelgate.catalog.FileView;
import io.reelgate.storage.BlobStore;
import io.reelgate.storage.LocalFiles;
import io.reelgate.storage.PresignedUrls;

import org.springframework.stereotype.Component;

/**
 * Where ffprobe and ffmpeg read a stored file. A local file is read in place; an object store hands out a presigned
 * URL that outlives the run. Stores with neither would need the whole film copied to a temporary file first, which
 * this does not do.
 */
@Component
class MediaInputs {

	private final BlobStore store;

	MediaInputs(BlobStore store) {
		this.store = store;
	}

	/** @param lifetime how long a presigned URL must last: longer than every run that reads it */
	Optional<MediaInput> of(FileView file, Duration lifetime) {
		String description = "file " + file.id();
		if (store instanceof LocalFiles local) {
			Optional<Path> path = local.localPath(file.storageKey());
			if (path.isPresent()) {
				return path.map(p -> MediaInput.file(p, description));
			}
		}
		if (store instanceof PresignedUrls presigned) {
			return presigned.presignedGet(file.storageKey(), "media", file.contentType(), lifetime)
				.map(url -> MediaInput.url(url, description));
		}
		return Optional.empty();
	}
}
