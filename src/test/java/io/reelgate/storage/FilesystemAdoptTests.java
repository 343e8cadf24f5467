package io.reelgate.storage;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;

import io.reelgate.storage.filesystem.FilesystemBlobStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A finished upload is moved into the filesystem store, not written a second time. */
class FilesystemAdoptTests {

	@TempDir
	Path temp;

	@Test
	void aFileIsMovedIntoPlaceWithItsSizeAndSha256() throws Exception {
		BlobStore store = new FilesystemBlobStore(temp.resolve("files"));
		Path staged = Files.createDirectories(temp.resolve("files-staging")).resolve("upload.part");
		byte[] content = new byte[700_000];
		new Random(3).nextBytes(content);
		Files.write(staged, content);
		Object inode = Files.readAttributes(staged, "unix:ino").get("ino");

		String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));

		StoredBlob blob = store.adopt(staged, 1_000_000, sha256);

		assertThat(staged).doesNotExist();
		assertThat(blob.size()).isEqualTo(content.length);
		assertThat(blob.sha256()).isEqualTo(sha256);
		Path stored = temp.resolve("files").resolve(blob.key());
		assertThat(Files.readAttributes(stored, "unix:ino").get("ino")).isEqualTo(inode);
		try (InputStream in = store.open(blob.key(), 0)) {
			assertThat(in.readAllBytes()).isEqualTo(content);
		}
	}

	@Test
	void aFileOverTheLimitIsLeftWhereItIs() throws Exception {
		BlobStore store = new FilesystemBlobStore(temp.resolve("files"));
		Path staged = temp.resolve("upload.part");
		Files.write(staged, new byte[2000]);

		assertThatThrownBy(() -> store.adopt(staged, 1000, "0".repeat(64))).isInstanceOf(BlobTooLargeException.class);
		assertThat(staged).exists();
	}
}
