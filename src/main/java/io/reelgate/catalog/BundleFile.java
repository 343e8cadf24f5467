package io.reelgate.catalog;

import java.time.Instant;
import java.util.UUID;

import io.reelgate.shared.BundleFileId;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One stored file of a bundle: the film, a trailer, stills. Immutable once attached. */
@Entity
@Table(name = "bundle_files")
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

	Bundle bundle() {
		return bundle;
	}

	int position() {
		return position;
	}

	FileView view() {
		return new FileView(id(), bundle.id(), displayName, contentType, sizeBytes, sha256, storageKey, createdAt,
				unlocked);
	}
}
