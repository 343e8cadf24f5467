package io.reelgate.storage;

import java.nio.file.Files;
import java.nio.file.Path;

import io.reelgate.storage.filesystem.FilesystemBlobStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class StorageHealthTests {

	@Test
	void aStoreWhoseDirectoryVanishedIsNotReady(@TempDir Path root) throws Exception {
		StorageHealthIndicator health = new StorageHealthIndicator(new FilesystemBlobStore(root));
		assertThat(health.health(true).getStatus().getCode()).isEqualTo("UP");

		Files.delete(root.resolve("incoming"));
		assertThat(health.health(true).getStatus().getCode()).isEqualTo("DOWN");
	}
}
