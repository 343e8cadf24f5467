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

class BlobDownloadTests {

	private static final byte[] CONTENT = "0123456789abcdefghijklmnopqrstuvwxyz".getBytes(StandardCharsets.US_ASCII);

	@TempDir
	Path root;

	private FilesystemBlobStore store;

	private BlobDownload download;

	@BeforeEach
	void aStoredBlob() throws IOException {
		store = new FilesystemBlobStore(root);
		StoredBlob blob = store.store(new ByteArrayInputStream(CONTENT), 100);
		download = new BlobDownload(blob.key(), blob.size(), blob.sha256(), Instant.parse("2026-01-01T00:00:00Z"),
				"text/plain", "a.txt", true, "private");
	}

	@Test
	void handsALocalFileToTomcatsSendfileWhenTheContainerOffersIt() throws IOException {
		MockHttpServletRequest request = get("bytes=10-19");
		request.setAttribute(BlobDownload.SENDFILE_SUPPORT, Boolean.TRUE);
		MockHttpServletResponse response = new MockHttpServletResponse();
		download.respond(request, response, store);

		assertThat(response.getStatus()).isEqualTo(206);
		assertThat(response.getHeader(HttpHeaders.CONTENT_LENGTH)).isEqualTo("10");
		assertThat(response.getContentAsByteArray()).isEmpty();
		assertThat(request.getAttribute(BlobDownload.SENDFILE_FILENAME))
			.isEqualTo(store.localPath(download.key()).orElseThrow().toRealPath().toString());
		assertThat(request.getAttribute(BlobDownload.SENDFILE_START)).isEqualTo(10L);
		assertThat(request.getAttribute(BlobDownload.SENDFILE_END)).isEqualTo(20L);
	}

	@Test
	void streamsWhenTheContainerHasNoSendfile() throws IOException {
		MockHttpServletRequest request = get(null);
		MockHttpServletResponse response = new MockHttpServletResponse();
		download.respond(request, response, store);

		assertThat(response.getContentAsByteArray()).isEqualTo(CONTENT);
		assertThat(request.getAttribute(BlobDownload.SENDFILE_FILENAME)).isNull();
	}

	@Test
	void streamsFromAStoreWithoutLocalFilesEvenWhenSendfileIsOffered() throws IOException {
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
		MockHttpServletRequest request = get(null);
		request.setAttribute(BlobDownload.SENDFILE_SUPPORT, Boolean.TRUE);
		MockHttpServletResponse response = new MockHttpServletResponse();
		download.respond(request, response, remote);

		assertThat(response.getContentAsByteArray()).isEqualTo(CONTENT);
		assertThat(request.getAttribute(BlobDownload.SENDFILE_FILENAME)).isNull();
	}

	@Test
	void neverUsesSendfileForSeveralRanges() throws IOException {
		MockHttpServletRequest request = get("bytes=0-1,4-5");
		request.setAttribute(BlobDownload.SENDFILE_SUPPORT, Boolean.TRUE);
		MockHttpServletResponse response = new MockHttpServletResponse();
		download.respond(request, response, store);

		assertThat(response.getContentType()).startsWith("multipart/byteranges; boundary=");
		assertThat(response.getContentAsString()).contains("\r\n\r\n01\r\n", "\r\n\r\n45\r\n");
		assertThat(request.getAttribute(BlobDownload.SENDFILE_FILENAME)).isNull();
	}

	private static MockHttpServletRequest get(String range) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/file");
		if (range != null) {
			request.addHeader(HttpHeaders.RANGE, range);
		}
		return request;
	}
}
