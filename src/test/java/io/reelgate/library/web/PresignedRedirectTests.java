package io.reelgate.library.web;

import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import io.reelgate.catalog.FileView;
import io.reelgate.library.DownloadLinks;
import io.reelgate.library.DownloadLinks.VerifiedLink;
import io.reelgate.library.DownloadLog;
import io.reelgate.library.DownloadPolicy;
import io.reelgate.shared.AccountId;
import io.reelgate.shared.BundleFileId;
import io.reelgate.shared.BundleId;
import io.reelgate.storage.BlobSender;
import io.reelgate.storage.BlobStore;
import io.reelgate.storage.PresignedUrls;
import io.reelgate.storage.StoredBlob;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/** A store that can presign (S3) gets the buyer redirected after every check, never for longer than the link. */
class PresignedRedirectTests {

	private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

	private final FileView file = new FileView(new BundleFileId(UUID.randomUUID()), new BundleId(UUID.randomUUID()),
			"Amélie.mp4", "video/mp4", 1000, "0".repeat(64), "ab/cd/key", NOW, false);

	private final PresigningStore store = new PresigningStore();

	private final DownloadLinks links = mock(DownloadLinks.class);

	private final DownloadPolicy policy = mock(DownloadPolicy.class);

	private final BlobSender sender = mock(BlobSender.class);

	@Test
	void redirectsToAShortLivedUrlThatNamesTheFile() throws Exception {
		MockHttpServletResponse response = download(NOW.plus(Duration.ofHours(6)));
		assertThat(response.getStatus()).isEqualTo(302);
		assertThat(response.getRedirectedUrl()).isEqualTo("https://bucket.example/ab/cd/key?signed");
		assertThat(response.getHeader(HttpHeaders.CACHE_CONTROL)).isEqualTo("no-store");
		assertThat(store.filename).isEqualTo("Amélie.mp4");
		assertThat(store.contentType).isEqualTo("video/mp4");
		assertThat(store.lifetime).isEqualTo(Duration.ofMinutes(5));
		verifyNoInteractions(sender);
	}

	@Test
	void thePresignedUrlNeverOutlivesTheLink() throws Exception {
		download(NOW.plusSeconds(90));
		assertThat(store.lifetime).isEqualTo(Duration.ofSeconds(90));
	}

	private MockHttpServletResponse download(Instant linkExpiry) throws Exception {
		VerifiedLink link = new VerifiedLink(file.id(), new AccountId(UUID.randomUUID()), linkExpiry);
		when(links.verify(any(), any(), any(), any())).thenReturn(link);
		when(policy.authorize(link)).thenReturn(file);
		SignedDownloadController controller = new SignedDownloadController(links, policy, store,
				mock(DownloadLog.class), Clock.fixed(NOW, ZoneOffset.UTC), sender);
		MockHttpServletResponse response = new MockHttpServletResponse();
		controller.download("f", "a", "e", "s", new MockHttpServletRequest("GET", "/dl/f/a/e/s"), response);
		return response;
	}

	static final class PresigningStore implements BlobStore, PresignedUrls {

		String filename;

		String contentType;

		Duration lifetime;

		@Override
		public Optional<URI> presignedGet(String key, String filename, String contentType, Duration lifetime) {
			this.filename = filename;
			this.contentType = contentType;
			this.lifetime = lifetime;
			return Optional.of(URI.create("https://bucket.example/" + key + "?signed"));
		}

		@Override
		public StoredBlob store(InputStream content, long maxBytes) {
			throw new UnsupportedOperationException();
		}

		@Override
		public InputStream open(String key, long offset) {
			throw new UnsupportedOperationException("bytes come from the presigned URL");
		}

		@Override
		public void checkAvailable() {
		}

		@Override
		public void delete(String key) {
		}
	}
}
