package io.reelgate.catalog;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import io.reelgate.shared.BundleFileId;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.DynamicUpdate;
import org.jspecify.annotations.Nullable;

/**
 * One stored file of a bundle: the film, a trailer, stills. Its bytes are immutable once attached; what a media
 * probe finds in them is added later, from another thread, so updates write only the columns that changed and a probe
 * never overwrites the creator's preview choice made in the meantime.
 */
@Entity
@Table(name = "bundle_files")
@DynamicUpdate
class BundleFile {

	@Id
	private UUID id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "bundle_id")
	private Bundle bundle;

	private int position;

	private String displayName;

	private String contentType;

	private long sizeBytes;

	private String sha256;

	private String storageKey;

	private Instant createdAt;

	/** Free to everyone who may see the bundle; the other files stay behind its gate. */
	private boolean unlocked;

	private @Nullable Instant mediaProbedAt;

	private @Nullable Long durationMs;

	private @Nullable Integer width;

	private @Nullable Integer height;

	private @Nullable String videoCodec;

	private @Nullable String audioCodec;

	private @Nullable String containerFormat;

	private @Nullable String posterKey;

	/** The creator asked for lower qualities of an H.264 video besides its own picture (see {@link #chooseLadder}). */
	private boolean adaptiveLadder;

	protected BundleFile() {
	}

	BundleFile(Bundle bundle, int position, FileUpload upload, Instant now) {
		this.id = UUID.randomUUID();
		this.bundle = bundle;
		this.position = position;
		this.displayName = upload.displayName();
		this.contentType = upload.contentType();
		this.sizeBytes = upload.blob().size();
		this.sha256 = upload.blob().sha256();
		this.storageKey = upload.blob().key();
		this.createdAt = now;
	}

	BundleFileId id() {
		return new BundleFileId(id);
	}

	/** Unlocks the file for everyone, or puts it back behind the gate. Any type may be unlocked. */
	void unlock(boolean unlocked) {
		this.unlocked = unlocked;
	}

	/**
	 * The creator's choice of an adaptive ladder for a video every browser plays as it is (H.264), which is
	 * otherwise only remuxed; returns whether it changed (a retried or doubled form changes nothing).
	 */
	boolean chooseLadder(boolean ladder) {
		if (ladder == adaptiveLadder) {
			return false;
		}
		if (ladder && !view().ladderOptional()) {
			throw new CatalogException("file.ladder.notH264");
		}
		this.adaptiveLadder = ladder;
		return true;
	}

	/**
	 * Records what a probe found and the poster frame it took, if any; returns the key of a poster frame this
	 * replaces (a second probe of the same file), for deletion.
	 */
	Optional<String> recordMedia(MediaInfo media, @Nullable String poster, Instant now) {
		Optional<String> replaced = Optional.ofNullable(posterKey).filter(key -> !key.equals(poster));
		this.mediaProbedAt = now;
		this.durationMs = media.durationMillis();
		this.width = media.width();
		this.height = media.height();
		this.videoCodec = media.videoCodec();
		this.audioCodec = media.audioCodec();
		this.containerFormat = media.container();
		this.posterKey = poster;
		return replaced;
	}

	Optional<String> posterKey() {
		return Optional.ofNullable(posterKey);
	}

	Bundle bundle() {
		return bundle;
	}

	int position() {
		return position;
	}

	FileView view() {
		MediaInfo media = mediaProbedAt == null ? null
				: new MediaInfo(durationMs, width, height, videoCodec, audioCodec, containerFormat);
		return new FileView(id(), bundle.id(), displayName, contentType, sizeBytes, sha256, storageKey, createdAt,
				unlocked, media, posterKey != null, adaptiveLadder);
	}
}
