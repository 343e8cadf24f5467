package io.reelgate.catalog;

import java.util.Currency;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

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

	/** Every file with the kind a buyer knows it by, the main film (the largest locked video) first. */
	public List<IncludedFile> included() {
		FileView feature = featureFile();
		return files.stream()
			.map(f -> IncludedFile.of(f, f == feature))
			.sorted(Comparator.comparing(IncludedFile::kind))
			.toList();
	}

	/** The main film, if the bundle has one: the largest locked video that is not a trailer. */
	public @Nullable IncludedFile feature() {
		FileView feature = featureFile();
		return feature == null ? null : IncludedFile.of(feature, true);
	}

	private @Nullable FileView featureFile() {
		return lockedFiles().stream()
			.filter(f -> f.contentType().startsWith("video/") && !f.name().toLowerCase(Locale.ROOT).contains("trailer"))
			.max(Comparator.comparingLong(FileView::size))
			.orElse(null);
	}

	/** The included files behind the gate. */
	public List<IncludedFile> includedLocked() {
		return included().stream().filter(i -> !i.file().unlocked()).toList();
	}

	/** The included files free to everyone. */
	public List<IncludedFile> includedUnlocked() {
		return included().stream().filter(i -> i.file().unlocked()).toList();
	}
}
