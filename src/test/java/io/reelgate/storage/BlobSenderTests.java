package io.reelgate.storage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;

import io.reelgate.storage.filesystem.FilesystemBlobStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BlobSenderTests {

	private static final byte[] CONTENT = "0123456789".getBytes(StandardCharsets.US_ASCII);

	@TempDir
	Path root;

	private FilesystemBlobStore store;

	private BlobDownload download;

	@BeforeEach
	void aStoredBlob() throws IOException {
		store = new FilesystemBlobStore(root);
		StoredBlob blob = store.store(new ByteArrayInputStream(CONTENT), 100);
		download = new BlobDownload(blob.key(), blob.size(), blob.sha256(), Instant.parse("2026-01-01T00:00:00Z"),
				"video/mp4", "Film é.mp4", true, "private, no-transform");
	}

	@Test
	void behindNginxHandsTheFileToItsInternalLocationWithTheDownloadHeaders() throws IOException {
		MockHttpServletResponse response = send(store, "/_reelgate_files/");
		assertThat(response.getHeader("X-Accel-Redirect")).isEqualTo("/_reelgate_files/" + download.key());
		assertThat(response.getHeader(HttpHeaders.CONTENT_DISPOSITION)).startsWith("attachment; filename=\"Film _.mp4\"");
		assertThat(response.getHeader(HttpHeaders.CACHE_CONTROL)).isEqualTo("private, no-transform");
		assertThat(response.getContentType()).isEqualTo("video/mp4");
		assertThat(response.getContentAsByteArray()).isEmpty();
	}

	@Test
	void withoutThePrefixOrWithoutLocalFilesTheAppSendsTheBytes() throws IOException {
		assertThat(send(store, null).getContentAsByteArray()).isEqualTo(CONTENT);
		assertThat(send(store, "").getContentAsByteArray()).isEqualTo(CONTENT);

		BlobStore remote = new BlobStore() {
			@Override
			public StoredBlob store(InputStream content, long maxBytes) {
				throw new UnsupportedOperationException();
			}

			@Override
			public InputStream open(String key, long offset) throws IOException {
				return store.open(key, offset);
			}

			@Override
			public void checkAvailable() {
			}

			@Override
			public void delete(String key) {
			}
		};
		MockHttpServletResponse response = send(remote, "/_reelgate_files/");
		assertThat(response.getHeader("X-Accel-Redirect")).isNull();
		assertThat(response.getContentAsByteArray()).isEqualTo(CONTENT);
	}

	@Test
	void refusesAPrefixThatIsNotAnAbsoluteDirectory() {
		assertThatThrownBy(() -> filesystem("x", "_reelgate_files"))
			.isInstanceOf(IllegalArgumentException.class);
	}

	private MockHttpServletResponse send(BlobStore to, String prefix) throws IOException {
		MockHttpServletResponse response = new MockHttpServletResponse();
		new BlobSender(to, filesystem(root.toString(), prefix))
			.send(download, new MockHttpServletRequest("GET", "/file"), response);
		return response;
	}

	private static StorageProperties filesystem(String root, String accelRedirectPrefix) {
		return new StorageProperties(StorageProperties.Type.FILESYSTEM, root, accelRedirectPrefix,
				new StorageProperties.S3(null, "us-east-1", null, false, null, null, ""));
	}
}
