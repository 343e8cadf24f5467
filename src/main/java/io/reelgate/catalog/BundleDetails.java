package io.reelgate.catalog;

import java.util.List;

/** A bundle with everything its page shows. */
public record BundleDetails(BundleSummary summary, String description, List<FileView> files) {

	public long totalSize() {
		return files.stream().mapToLong(FileView::size).sum();
	}
}
