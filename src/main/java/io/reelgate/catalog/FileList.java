package io.reelgate.catalog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.reelgate.shared.BundleFileId;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Embeddable;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;

/**
 * A bundle's files in their order (its {@code bundle_files} rows), and the rules about them alone: at most
 * {@value #MAX} files, each new one after the last, found by id only among these. Whether one may come off at all is
 * the bundle's to say ({@link Bundle#removeFile}).
 */
@Embeddable
class FileList {

	static final int MAX = 50;

	@OneToMany(mappedBy = "bundle", cascade = CascadeType.ALL, orphanRemoval = true)
	@OrderBy("position")
	private List<BundleFile> entries = new ArrayList<>();

	boolean isEmpty() {
		return entries.isEmpty();
	}

	/** Whether a rental has anything to stream: a locked video or audio file. */
	boolean hasLockedMedia() {
		return entries.stream().map(BundleFile::view).anyMatch(f -> !f.unlocked() && f.playable());
	}

	void assertRoom() {
		if (entries.size() >= MAX) {
			throw new CatalogException("bundle.files.tooMany", MAX);
		}
	}

	BundleFile add(Bundle bundle, FileUpload upload, Instant now) {
		assertRoom();
		BundleFile file = new BundleFile(bundle, nextPosition(), upload, now);
		entries.add(file);
		return file;
	}

	private int nextPosition() {
		return entries.stream().mapToInt(BundleFile::position).max().orElse(-1) + 1;
	}

	/** Removes a file and returns the keys of its blobs (the file, and its poster frame if it has one). */
	List<String> remove(BundleFileId fileId) {
		BundleFile file = get(fileId);
		entries.remove(file);
		List<String> blobs = new ArrayList<>();
		blobs.add(file.view().storageKey());
		file.posterKey().ifPresent(blobs::add);
		return blobs;
	}

	/** Drops every file and returns their blob keys. */
	List<String> clear() {
		List<String> keys = new ArrayList<>(entries.stream().map(f -> f.view().storageKey()).toList());
		entries.clear();
		return keys;
	}

	void unlock(BundleFileId fileId, boolean unlocked) {
		get(fileId).unlock(unlocked);
	}

	/** The key of the poster frame taken from one of these videos, to become the cover. */
	String posterOf(BundleFileId fileId) {
		return get(fileId).posterKey().orElseThrow(() -> new CatalogException("cover.noPoster"));
	}

	private BundleFile get(BundleFileId fileId) {
		return entries.stream().filter(f -> f.id().equals(fileId)).findFirst().orElseThrow(BundleNotFoundException::new);
	}

	List<FileView> views() {
		return entries.stream().map(BundleFile::view).toList();
	}
}
