package io.reelgate.catalog;

import java.util.List;

/** A bundle with everything its page shows. */
public record BundleDetails(BundleSummary summary, String description, List<FileView> files) {

	public long totalSize() {
		return files.stream().mapToLong(FileView::size).sum();
	}

	/** The part free to everyone. */
	public List<FileView> unlockedFiles() {
		return files.stream().filter(FileView::unlocked).toList();
	}

	/** The part behind the gate. */
	public List<FileView> lockedFiles() {
		return files.stream().filter(f -> !f.unlocked()).toList();
	}
}
