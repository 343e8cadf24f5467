package io.reelgate.catalog;

import java.util.Currency;
import java.util.List;

/**
 * A bundle with everything its page shows. {@code summary} is priced in one of {@code currencies}, those the bundle
 * may be paid in (its main currency first; none when it is not priced).
 */
public record BundleDetails(BundleSummary summary, String description, List<FileView> files,
		List<Currency> currencies) {

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
