package io.reelgate.catalog;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.reelgate.shared.BundleFileId;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where the media probe leaves what it found in a file. It runs in the background, for no signed-in account, on
 * files it learnt of from {@link BundleFileAdded}; it cannot change anything a creator chose.
 */
@Service
@Transactional
public class MediaMetadata {

	private final Bundles bundles;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	MediaMetadata(Bundles bundles, Clock clock, ApplicationEventPublisher events) {
		this.bundles = bundles;
		this.clock = clock;
		this.events = events;
	}

	/** Video and audio files added before {@code addedBefore} that no probe has recorded anything for yet. */
	@Transactional(readOnly = true)
	public List<FileView> unprobed(Instant addedBefore, int limit) {
		return bundles.findUnprobed(addedBefore, PageRequest.of(0, limit)).stream().map(BundleFile::view).toList();
	}

	/**
	 * Records the probe's findings and the poster frame's blob, if it took one. Returns the keys of poster blobs
	 * that nothing refers to afterwards, for the caller to delete once this has committed: the new one if the file
	 * was removed while it was being probed, or the one a second probe of the same file replaced. Announces the
	 * findings ({@link BundleFileProbed}) for what comes after probing, such as packaging for online playback.
	 */
	public List<String> record(BundleFileId id, MediaInfo media, @Nullable String posterKey) {
		Optional<BundleFile> file = bundles.lockFile(id.value());
		if (file.isEmpty()) {
			return posterKey == null ? List.of() : List.of(posterKey);
		}
		List<String> unreferenced = file.get().recordMedia(media, posterKey, clock.instant()).stream().toList();
		FileView view = file.get().view();
		events.publishEvent(new BundleFileProbed(id, view.bundleId(), view.contentType(), media));
		return unreferenced;
	}
}
