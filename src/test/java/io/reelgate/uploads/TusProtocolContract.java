package io.reelgate.uploads;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.catalog.Catalog;
import io.reelgate.catalog.FileView;
import io.reelgate.shared.BundleId;
import io.reelgate.support.Fixtures;
import io.reelgate.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The tus 1.0 endpoint against the protocol's rules, and what becomes of the bytes, for either staging area (a local
 * directory or the object store): subclasses say where to look for staged bytes.
 */
abstract class TusProtocolContract {

	private static final String ENDPOINT = "/studio/uploads";

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Catalog catalog;

	@Autowired
	ResumableUploads uploads;

	@Autowired
	ExpiredUploadsJob expiry;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UploadSessions sessions;

	@Autowired
	UploadProperties properties;

	@Autowired
	io.reelgate.catalog.BundleMedia media;

	@Autowired
	io.reelgate.catalog.UploadLimits limits;

	/** The bytes staged for an upload, or -1 if nothing is staged for it. */
	abstract long stagedBytes(UUID id) throws Exception;

	/** How many uploads have anything staged. */
	abstract long stagedUploads() throws Exception;

	/** How many blobs the store holds. */
	abstract long storedBlobs() throws Exception;

	/** Stages bytes after the recorded offset as a request killed before its next checkpoint would leave them. */
	abstract void leaveUnrecordedBytes(UUID id, long offset, byte[] bytes) throws Exception;

	/** A staging area as a freshly started instance builds it. */
	abstract UploadStaging freshStaging() throws Exception;

	/** Called for every upload a test creates, before anything else happens to it. */
	void created(UUID id) {
	}

	@Test
	void optionsAdvertisesTheVersionExtensionsChecksumAndMaximumSize() throws Exception {
		mvc.perform(request(HttpMethod.OPTIONS, ENDPOINT).with(user(fixtures.creator())))
			.andExpect(status().isNoContent())
			.andExpect(header().string("Tus-Version", "1.0.0"))
			.andExpect(header().string("Tus-Extension", "creation,termination,expiration,checksum"))
			.andExpect(header().string("Tus-Checksum-Algorithm", "sha256"))
			.andExpect(header().string("Tus-Max-Size", Long.toString(5L * 1024 * 1024)));
	}

	@Test
	void anUnsupportedTusResumableIs412WithTusVersion() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		BundleId bundle = fixtures.draft(creator, "Tus 412", bytes(10, 1));

		mvc.perform(request(HttpMethod.POST, ENDPOINT).with(user(creator)).with(csrf().asHeader())
			.header("Upload-Length", "10").header("Upload-Metadata", metadata(bundle, "a.mp4")))
			.andExpect(status().isPreconditionFailed())
			.andExpect(header().string("Tus-Version", "1.0.0"));
		String location = create(creator, bundle, 10, "a.mp4");
		mvc.perform(request(HttpMethod.HEAD, location).with(user(creator)).header("Tus-Resumable", "0.2.2"))
			.andExpect(status().isPreconditionFailed())
			.andExpect(header().string("Tus-Version", "1.0.0"));
	}

	@Test
	void anUploadSentInChunksBecomesABundleFileWithItsSizeAndSha256() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		BundleId bundle = fixtures.draft(creator, "Tus chunks", bytes(10, 2));
		byte[] film = bytes(1_000_000, 3);
		String location = create(creator, bundle, film.length, "Film (final).mp4");
		UUID id = idOf(location);
		assertThat(stagedBytes(id)).isZero();

		patch(creator, location, 0, Arrays.copyOfRange(film, 0, 300_000), null)
			.andExpect(status().isNoContent())
			.andExpect(header().string("Upload-Offset", "300000"))
			.andExpect(header().exists("Upload-Expires"));
		mvc.perform(head(creator, location))
			.andExpect(status().isOk())
			.andExpect(header().string("Upload-Offset", "300000"))
			.andExpect(header().string("Upload-Length", "1000000"))
			.andExpect(header().string("Cache-Control", "no-store"));
		byte[] middle = Arrays.copyOfRange(film, 300_000, 700_000);
		patch(creator, location, 300_000, middle, "sha256 " + base64Sha256(middle))
			.andExpect(status().isNoContent())
			.andExpect(header().string("Upload-Offset", "700000"));
		assertThat(catalog.editable(creator.accountId(), bundle).files()).hasSize(1);

		patch(creator, location, 700_000, Arrays.copyOfRange(film, 700_000, film.length), null)
			.andExpect(status().isNoContent())
			.andExpect(header().string("Upload-Offset", "1000000"));

		FileView file = catalog.editable(creator.accountId(), bundle).files().get(1);
		assertThat(file.name()).isEqualTo("Film (final).mp4");
		assertThat(file.size()).isEqualTo(film.length);
		assertThat(file.sha256()).isEqualTo(sha256(film));
		assertThat(stagedBytes(id)).isEqualTo(-1);
		mvc.perform(head(creator, location)).andExpect(header().string("Upload-Offset", "1000000"));
	}

	@Test
	void anOffsetMismatchIs409AndLeavesTheUploadUnchanged() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		BundleId bundle = fixtures.draft(creator, "Tus 409", bytes(10, 4));
		String location = create(creator, bundle, 1000, "a.mp4");
		patch(creator, location, 0, bytes(100, 5), null).andExpect(status().isNoContent());

		patch(creator, location, 50, bytes(100, 6), null).andExpect(status().isConflict());
		patch(creator, location, 0, bytes(100, 6), null).andExpect(status().isConflict());

		mvc.perform(head(creator, location)).andExpect(header().string("Upload-Offset", "100"));
		assertThat(stagedBytes(idOf(location))).isEqualTo(100);
	}

	@Test
	void aChunkOfAnotherContentTypeIs415() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		BundleId bundle = fixtures.draft(creator, "Tus 415", bytes(10, 7));
		String location = create(creator, bundle, 1000, "a.mp4");

		mvc.perform(request(HttpMethod.PATCH, location).with(user(creator)).with(csrf().asHeader())
			.header("Tus-Resumable", "1.0.0").header("Upload-Offset", "0")
			.contentType("application/octet-stream").content(bytes(10, 8)))
			.andExpect(status().isUnsupportedMediaType());
		mvc.perform(head(creator, location)).andExpect(header().string("Upload-Offset", "0"));
	}

	@Test
	void anUploadLengthOverTheLimitIs413BeforeAnythingIsStored() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		BundleId bundle = fixtures.draft(creator, "Tus 413", bytes(10, 9));
		long staged = stagedUploads();

		mvc.perform(request(HttpMethod.POST, ENDPOINT).with(user(creator)).with(csrf().asHeader())
			.header("Tus-Resumable", "1.0.0").header("Upload-Length", Long.toString(5L * 1024 * 1024 + 1))
			.header("Upload-Metadata", metadata(bundle, "big.mp4")))
			.andExpect(status().isPayloadTooLarge());

		assertThat(sessionsOf(creator)).isZero();
		assertThat(stagedUploads()).isEqualTo(staged);
	}

	@Test
	void anUploadThatWouldPassTheStorageQuotaIs413BeforeAnythingIsStored() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		BundleId bundle = fixtures.draft(creator, "Tus quota", bytes(10, 30));
		fixtures.addFile(creator, bundle, "a.mp4", bytes(4_500_000, 31));
		fixtures.addFile(creator, bundle, "b.mp4", bytes(4_500_000, 32));
		create(creator, bundle, 2_000_000, "c.mp4");

		// 9 MB stored and 2 MB promised by the unfinished upload: 2 MB more would pass the 12 MB quota.
		mvc.perform(request(HttpMethod.POST, ENDPOINT).with(user(creator)).with(csrf().asHeader())
			.header("Tus-Resumable", "1.0.0").header("Upload-Length", "2000000")
			.header("Upload-Metadata", metadata(bundle, "d.mp4")))
			.andExpect(status().isPayloadTooLarge())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("storage quota of 12 MB")));
		assertThat(sessionsOf(creator)).isOne();

		// The form upload, whose length is known only once it has arrived, is refused after the fact.
		assertThatThrownBy(() -> fixtures.addFile(creator, bundle, "e.mp4", bytes(3_600_000, 33)))
			.isInstanceOf(io.reelgate.catalog.CatalogException.class)
			.hasMessage("upload.quota");
		assertThat(catalog.editable(creator.accountId(), bundle).files()).hasSize(3);
	}

	@Test
	void aCompleteUploadOfADisallowedTypeIsRefusedAndNotAddedToTheBundle() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		BundleId bundle = fixtures.draft(creator, "Tus type", bytes(10, 34));
		byte[] page = "<!DOCTYPE html><html><body>not a film</body></html>".getBytes(StandardCharsets.UTF_8);
		String location = create(creator, bundle, page.length, "film.mp4");
		long stored = storedBlobs();

		patch(creator, location, 0, page, null)
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("text/html")));

		assertThat(catalog.editable(creator.accountId(), bundle).files()).hasSize(1);
		assertThat(storedBlobs()).isEqualTo(stored);
		// The upload does not claim to be complete: a client resuming it sends the tail again and is refused again.
		mvc.perform(head(creator, location)).andExpect(header().string("Upload-Offset", "0"));
	}

	@Test
	void aChecksumMismatchIs460AndTheChunkIsDiscarded() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		BundleId bundle = fixtures.draft(creator, "Tus 460", bytes(10, 10));
		String location = create(creator, bundle, 500_000, "a.mp4");
		patch(creator, location, 0, bytes(100_000, 11), null).andExpect(status().isNoContent());

		byte[] chunk = bytes(200_000, 12);
		patch(creator, location, 100_000, chunk, "sha256 " + base64Sha256(bytes(200_000, 13)))
			.andExpect(status().is(460));

		mvc.perform(head(creator, location)).andExpect(header().string("Upload-Offset", "100000"));
		assertThat(stagedBytes(idOf(location))).isEqualTo(100_000);
		patch(creator, location, 100_000, chunk, "md5 AAAA").andExpect(status().isBadRequest());
	}

	@Test
	void unknownUploadsAndOtherCreatorsUploadsAre404() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		AccountPrincipal other = fixtures.creator();
		BundleId bundle = fixtures.draft(creator, "Tus 404", bytes(10, 14));
		String location = create(creator, bundle, 1000, "a.mp4");

		mvc.perform(head(creator, ENDPOINT + "/" + UUID.randomUUID())).andExpect(status().isNotFound());
		mvc.perform(head(creator, ENDPOINT + "/not-an-id")).andExpect(status().isNotFound());
		mvc.perform(head(other, location)).andExpect(status().isNotFound());
		patch(other, location, 0, bytes(100, 15), null).andExpect(status().isNotFound());
		mvc.perform(delete(other, location)).andExpect(status().isNotFound());
		// Nor may anyone upload into another creator's bundle.
		mvc.perform(request(HttpMethod.POST, ENDPOINT).with(user(other)).with(csrf().asHeader())
			.header("Tus-Resumable", "1.0.0").header("Upload-Length", "10")
			.header("Upload-Metadata", metadata(bundle, "a.mp4")))
			.andExpect(status().isNotFound());

		mvc.perform(head(creator, location)).andExpect(header().string("Upload-Offset", "0"));
	}

	@Test
	void withoutACsrfHeaderNothingIsCreated() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		BundleId bundle = fixtures.draft(creator, "Tus CSRF", bytes(10, 16));

		mvc.perform(request(HttpMethod.POST, ENDPOINT).with(user(creator))
			.header("Tus-Resumable", "1.0.0").header("Upload-Length", "10")
			.header("Upload-Metadata", metadata(bundle, "a.mp4")))
			.andExpect(status().isForbidden());
		assertThat(sessionsOf(creator)).isZero();
	}

	@Test
	void aTerminatedUploadIs404AndItsBytesAreGone() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		BundleId bundle = fixtures.draft(creator, "Tus DELETE", bytes(10, 17));
		String location = create(creator, bundle, 1000, "a.mp4");
		patch(creator, location, 0, bytes(100, 18), null).andExpect(status().isNoContent());

		mvc.perform(delete(creator, location)).andExpect(status().isNoContent());

		mvc.perform(head(creator, location)).andExpect(status().isNotFound());
		patch(creator, location, 100, bytes(100, 19), null).andExpect(status().isNotFound());
		assertThat(stagedBytes(idOf(location))).isEqualTo(-1);
	}

	@Test
	void anExpiredUploadIs410AndTheJobDeletesItsBytesAndRowAndNothingElse() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		BundleId bundle = fixtures.draft(creator, "Tus expiry", bytes(10, 20));
		String abandoned = create(creator, bundle, 1000, "a.mp4");
		String active = create(creator, bundle, 1000, "b.mp4");
		String finished = create(creator, bundle, 100, "c.mp4");
		patch(creator, abandoned, 0, bytes(100, 21), null).andExpect(status().isNoContent());
		patch(creator, finished, 0, bytes(100, 22), null).andExpect(status().isNoContent());
		jdbc.sql("UPDATE upload_sessions SET expires_at = ? WHERE id = ?")
			.params(java.sql.Timestamp.from(Instant.now().minusSeconds(1)), idOf(abandoned))
			.update();

		mvc.perform(head(creator, abandoned)).andExpect(status().isGone());
		patch(creator, abandoned, 100, bytes(100, 23), null).andExpect(status().isGone());

		assertThat(expiry.deleteExpired(Instant.now())).isGreaterThanOrEqualTo(1);

		mvc.perform(head(creator, abandoned)).andExpect(status().isNotFound());
		assertThat(stagedBytes(idOf(abandoned))).isEqualTo(-1);
		mvc.perform(head(creator, active)).andExpect(status().isOk());
		assertThat(stagedBytes(idOf(active))).isZero();
		mvc.perform(head(creator, finished)).andExpect(header().string("Upload-Offset", "100"));
		assertThat(catalog.editable(creator.accountId(), bundle).files()).hasSize(2);
	}

	@Test
	void metadataIsDecodedAndSanitised() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		BundleId bundle = fixtures.draft(creator, "Tus metadata", bytes(10, 24));

		String location = create(creator, bundle, 10, "../../etc/pass\r\nwd\u202E.mp4");

		MvcResult head = mvc.perform(head(creator, location)).andReturn();
		String metadata = head.getResponse().getHeader("Upload-Metadata");
		String filename = new String(Base64.getDecoder().decode(metadata.split(",")[1].split(" ")[1]),
				StandardCharsets.UTF_8);
		assertThat(filename).isEqualTo("passwd.mp4");
		mvc.perform(request(HttpMethod.POST, ENDPOINT).with(user(creator)).with(csrf().asHeader())
			.header("Tus-Resumable", "1.0.0").header("Upload-Length", "10")
			.header("Upload-Metadata", "bundle " + b64(bundle.toString()) + ",filename not%base64!"))
			.andExpect(status().isBadRequest());
	}

	@Test
	void anUploadResumesFromTheLastDurableByteAfterTheConnectionDrops() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		BundleId bundle = fixtures.draft(creator, "Tus resume", bytes(10, 25));
		byte[] film = bytes(1_000_000, 26);
		String location = create(creator, bundle, film.length, "film.mp4");
		UUID id = idOf(location);

		assertThatThrownBy(() -> fixtures.as(creator, () -> uploads.append(creator.accountId(), id, 0,
				new DroppingStream(film, 405_000), Optional.empty())))
			.isInstanceOf(java.io.UncheckedIOException.class);

		MvcResult head = mvc.perform(head(creator, location)).andExpect(status().isOk()).andReturn();
		long offset = Long.parseLong(head.getResponse().getHeader("Upload-Offset"));
		// Checkpoints come every 64 KB (70,000 bytes in these reads); the bytes after the last one are kept too.
		assertThat(offset).isEqualTo(405_000);
		patch(creator, location, offset, Arrays.copyOfRange(film, (int) offset, film.length), null)
			.andExpect(header().string("Upload-Offset", "1000000"));

		FileView file = catalog.editable(creator.accountId(), bundle).files().get(1);
		assertThat(file.sha256()).isEqualTo(sha256(film));
	}

	@Test
	void aServerKilledMidUploadResumesFromTheDurableOffsetWithAFreshInstance() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		BundleId bundle = fixtures.draft(creator, "Tus crash", bytes(10, 40));
		byte[] film = bytes(1_000_000, 41);
		String location = create(creator, bundle, film.length, "film.mp4");
		UUID id = idOf(location);
		patch(creator, location, 0, Arrays.copyOfRange(film, 0, 300_000), null).andExpect(status().isNoContent());
		// kill -9 in the middle of the next request: bytes written but never checkpointed, and its lease left behind.
		leaveUnrecordedBytes(id, 300_000, bytes(50_000, 42));
		jdbc.sql("UPDATE upload_sessions SET lease_token = ?, lease_until = ? WHERE id = ?")
			.params(UUID.randomUUID(), java.sql.Timestamp.from(Instant.now().plusSeconds(3600)), id)
			.update();

		mvc.perform(head(creator, location)).andExpect(header().string("Upload-Offset", "300000"));
		patch(creator, location, 300_000, Arrays.copyOfRange(film, 300_000, film.length), null)
			.andExpect(status().isServiceUnavailable());

		jdbc.sql("UPDATE upload_sessions SET lease_until = ? WHERE id = ?")
			.params(java.sql.Timestamp.from(Instant.now().minusSeconds(1)), id)
			.update();
		// A new server: nothing but the database and the staging area carry over.
		ResumableUploads restarted = new ResumableUploads(sessions, freshStaging(), media, limits,
				properties, java.time.Clock.systemUTC(), new SimpleMeterRegistry());
		long end = fixtures.as(creator, () -> restarted.append(creator.accountId(), id, 300_000,
				new ByteArrayInputStream(Arrays.copyOfRange(film, 300_000, film.length)), Optional.empty()));

		assertThat(end).isEqualTo(film.length);
		assertThat(catalog.editable(creator.accountId(), bundle).files().get(1).sha256()).isEqualTo(sha256(film));
	}

	@Test
	void ofTwoConcurrentPatchesOneWinsAndTheOtherIsToldToRetry() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		BundleId bundle = fixtures.draft(creator, "Tus race", bytes(10, 27));
		byte[] film = bytes(300_000, 28);
		String location = create(creator, bundle, film.length, "film.mp4");
		UUID id = idOf(location);
		CountDownLatch started = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		InputStream slow = new InputStream() {
			private int position;

			@Override
			public int read() {
				throw new UnsupportedOperationException();
			}

			@Override
			public int read(byte[] buffer, int off, int len) throws IOException {
				if (position == 1000) {
					started.countDown();
					try {
						release.await(30, TimeUnit.SECONDS);
					}
					catch (InterruptedException ex) {
						throw new IOException(ex);
					}
				}
				if (position == film.length) {
					return -1;
				}
				int n = Math.min(len, position < 1000 ? 1000 - position : film.length - position);
				System.arraycopy(film, position, buffer, off, n);
				position += n;
				return n;
			}
		};
		CompletableFuture<Long> first = CompletableFuture.supplyAsync(
				() -> fixtures.as(creator, () -> uploads.append(creator.accountId(), id, 0, slow, Optional.empty())));
		assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();

		patch(creator, location, 0, film, null).andExpect(status().isServiceUnavailable())
			.andExpect(header().string("Retry-After", "1"));
		release.countDown();

		assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo(film.length);
		assertThat(catalog.editable(creator.accountId(), bundle).files()).hasSize(2)
			.anySatisfy(file -> assertThat(file.sha256()).isEqualTo(sha256(film)));
	}

	private String create(AccountPrincipal creator, BundleId bundle, long length, String filename) throws Exception {
		MvcResult result = mvc.perform(request(HttpMethod.POST, ENDPOINT).with(user(creator)).with(csrf().asHeader())
			.header("Tus-Resumable", "1.0.0").header("Upload-Length", Long.toString(length))
			.header("Upload-Metadata", metadata(bundle, filename)))
			.andExpect(status().isCreated())
			.andExpect(header().string("Tus-Resumable", "1.0.0"))
			.andExpect(header().exists("Upload-Expires"))
			.andReturn();
		String location = result.getResponse().getHeader("Location");
		created(idOf(location));
		return location;
	}

	private org.springframework.test.web.servlet.ResultActions patch(AccountPrincipal creator, String location,
			long offset, byte[] chunk, String checksum) throws Exception {
		MockHttpServletRequestBuilder patch = request(HttpMethod.PATCH, location).with(user(creator))
			.with(csrf().asHeader())
			.header("Tus-Resumable", "1.0.0")
			.header("Upload-Offset", Long.toString(offset))
			.contentType("application/offset+octet-stream")
			.content(chunk);
		if (checksum != null) {
			patch.header("Upload-Checksum", checksum);
		}
		return mvc.perform(patch);
	}

	private static MockHttpServletRequestBuilder head(AccountPrincipal creator, String location) {
		return request(HttpMethod.HEAD, location).with(user(creator)).header("Tus-Resumable", "1.0.0");
	}

	private static MockHttpServletRequestBuilder delete(AccountPrincipal creator, String location) {
		return request(HttpMethod.DELETE, location).with(user(creator)).with(csrf().asHeader())
			.header("Tus-Resumable", "1.0.0");
	}

	private long sessionsOf(AccountPrincipal creator) {
		return jdbc.sql("SELECT count(*) FROM upload_sessions WHERE owner_id = ?")
			.param(creator.accountId().value())
			.query(Long.class)
			.single();
	}

	private static UUID idOf(String location) {
		return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
	}

	private static String metadata(BundleId bundle, String filename) {
		return "bundle " + b64(bundle.toString()) + ",filename " + b64(filename) + ",filetype " + b64("video/mp4");
	}

	private static String b64(String value) {
		return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
	}

	private static byte[] bytes(int length, long seed) {
		byte[] bytes = new byte[length];
		new Random(seed).nextBytes(bytes);
		return bytes;
	}

	private static String sha256(byte[] bytes) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
	}

	private static String base64Sha256(byte[] bytes) throws Exception {
		return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
	}

	/** Delivers the first {@code limit} bytes in small reads, then fails as a reset connection does. */
	private static final class DroppingStream extends InputStream {

		private final ByteArrayInputStream content;

		private final int limit;

		private int position;

		DroppingStream(byte[] content, int limit) {
			this.content = new ByteArrayInputStream(content);
			this.limit = limit;
		}

		@Override
		public int read() {
			throw new UnsupportedOperationException();
		}

		@Override
		public int read(byte[] buffer, int off, int len) throws IOException {
			if (position >= limit) {
				throw new IOException("Connection reset");
			}
			int n = content.read(buffer, off, Math.min(Math.min(len, 10_000), limit - position));
			position += n;
			return n;
		}
	}
}
