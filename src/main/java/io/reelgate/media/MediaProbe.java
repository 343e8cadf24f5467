package io.reelgate.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import io.reelgate.catalog.BundleFileAdded;
import io.reelgate.catalog.Catalog;
import io.reelgate.catalog.FileView;
import io.reelgate.catalog.MediaInfo;
import io.reelgate.catalog.MediaMetadata;
import io.reelgate.storage.BlobStore;
import io.reelgate.storage.StoredBlob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Probes each video or audio file added to a bundle: duration, resolution and codecs, and for a video a poster frame
 * stored as a blob. Runs asynchronously after the file's transaction has committed, so an upload never waits for
 * ffprobe and never fails because of it; a file it cannot read is recorded as probed with nothing found. The event
 * publication registry keeps the event until this returns, so a probe cut off by a crash or a storage outage is run
 * again on restart (by whichever instance restarts), and {@link MediaBacklogJob} catches any file still left over;
 * probing twice is harmless, as the second result replaces the first and its poster frame replaces the first one's.
 * <p>
 * No transaction around the method ({@code NOT_SUPPORTED}): ffprobe and the storage are never called with a database
 * connection held.
 */
@Component
class MediaProbe {

	private static final Logger log = LoggerFactory.getLogger(MediaProbe.class);

	/** A poster frame is a cover-sized JPEG; anything larger is not one. */
	private static final long MAX_POSTER_BYTES = 10L * 1024 * 1024;

	private final Ffmpeg ffmpeg;

	private final Catalog catalog;

	private final MediaMetadata metadata;

	private final BlobStore store;

	private final MediaProperties properties;

	private final MediaInputs inputs;

	MediaProbe(Ffmpeg ffmpeg, Catalog catalog, MediaMetadata metadata, BlobStore store, MediaProperties properties) {
		this.inputs = new MediaInputs(store);
		this.ffmpeg = ffmpeg;
		this.catalog = catalog;
		this.metadata = metadata;
		this.store = store;
		this.properties = properties;
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(BundleFileAdded event) throws IOException {
		if (!ffmpeg.canProbe() || !isMedia(event.contentType())) {
			return;
		}
		Optional<FileView> file = catalog.file(event.file()).map(Catalog.OwnedFile::file);
		if (file.isEmpty()) {
			return;
		}
		probe(file.get());
	}

	/** Probes one stored file and records what it found; the listener's work, callable on its own for a given store. */
	void probe(FileView file) throws IOException {
		Optional<MediaInput> input = input(file);
		if (input.isEmpty()) {
			log.info("File {} is in a store ffprobe cannot read from; it gets no media metadata", file.id());
			metadata.record(file.id(), MediaInfo.NONE, null);
			return;
		}
		MediaInfo media = ffmpeg.probe(input.get());
		String poster = null;
		if (file.contentType().startsWith("video/") && media.width() != null && ffmpeg.canTakePosterFrames()) {
			poster = storePosterFrame(input.get(), media).orElse(null);
		}
		List<String> unreferenced;
		try {
			unreferenced = metadata.record(file.id(), media, poster);
		}
		catch (RuntimeException ex) {
			if (poster != null) {
				deleteQuietly(poster);
			}
			throw ex;
		}
		unreferenced.forEach(this::deleteQuietly);
	}

	private Optional<MediaInput> input(FileView file) {
		return inputs.of(file, properties.timeout().multipliedBy(2).plusMinutes(1));
	}

	private Optional<String> storePosterFrame(MediaInput input, MediaInfo media) throws IOException {
		Optional<Path> jpeg = ffmpeg.posterFrame(input, media);
		if (jpeg.isEmpty()) {
			return Optional.empty();
		}
		try (InputStream content = Files.newInputStream(jpeg.get())) {
			StoredBlob blob = store.store(content, MAX_POSTER_BYTES);
			return Optional.of(blob.key());
		}
		finally {
			Files.deleteIfExists(jpeg.get());
		}
	}

	private static boolean isMedia(String contentType) {
		return contentType.startsWith("video/") || contentType.startsWith("audio/");
	}

	private void deleteQuietly(String key) {
		try {
			store.delete(key);
		}
		catch (IOException | RuntimeException ex) {
			log.warn("Could not delete blob {}; it is unreferenced and can be removed by hand", key, ex);
		}
	}
}
