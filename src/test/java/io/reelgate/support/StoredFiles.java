package io.reelgate.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Counts the blobs in the test storage directory, to prove failed uploads leave nothing behind. */
public final class StoredFiles {

	private static final Path ROOT = Path.of("target/test-storage");

	private StoredFiles() {
	}

	public static long count() {
		if (!Files.exists(ROOT)) {
			return 0;
		}
		try (Stream<Path> files = Files.walk(ROOT)) {
			return files.filter(Files::isRegularFile).count();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
