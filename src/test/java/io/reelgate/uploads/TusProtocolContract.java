package io.reelgate.uploads;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
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
import org.springframework.boot.test.web.server.LocalServerPort;
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
	UploadPieces pieces;

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

	/**
	 * Whether bytes a killed request staged past the last checkpoint are recovered (the filesystem store keeps them
	 * in the staged file; the object store keeps no more than its recorded parts and tail).
	 */
	abstract boolean recoversUnrecordedBytes();

	@LocalServerPort
	int port;

	/** Called for every upload a test creates, before anything else happens to it. */
	void created(UUID id) {
	}

	@Test
	void optionsAdvertisesTheVersionExtensionsChecksumAndMaximumSize() throws Exception {
		mvc.perform(request(HttpMethod.OPTIONS, ENDPOINT).with(user(fixtures.creator())))
			.andExpect(status().isNoContent())
			.andExpect(header().string("Tus-Version", "1.0.0"))
			.andExpect(header().string("Tus-Extension", "creation,termination,expiration,checksum"))
			.andExpect(header().string("Tus-Checksum-Algorithm", "sha1,sha256"))
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
	void theBitTorrentPieceHashesComputedAcrossOddChunksAndRestartsEqualThoseOfTheWholeFile() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		BundleId bundle = fixtures.draft(creator, "Tus pieces", bytes(10, 90));
		int piece = io.reelgate.torrents.UploadedPieceHashes.PIECE_LENGTH;
		byte[] film = bytes(piece + 777_777, 91);
		String location = create(creator, bundle, film.length, "pieces.mp4");
		UUID id = idOf(location);
		int[] sizes = { 333_333, 999_999, 7, 65_537, 1_000_000, 524_289 };
		int offset = 0;
		for (int i = 0; offset < film.length; i++) {
			byte[] chunk = Arrays.copyOfRange(film, offset, Math.min(film.length, offset + sizes[i % sizes.length]));
			int from = offset;
			// Every chunk on a new server: only the database and the staging area carry the digests' states over.
			ResumableUploads restarted = new ResumableUploads(sessions, freshStaging(), media, limits, properties,
					java.time.Clock.systemUTC(), pieces, new SimpleMeterRegistry());
			offset = (int) (long) fixtures.as(creator, () -> restarted.append(creator.accountId(), id, from,
					new ByteArrayInputStream(chunk), Optional.empty()));
		}

		FileView file = catalog.editable(creator.accountId(), bundle).files().get(1);
		assertThat(file.sha256()).isEqualTo(sha256(film));
		MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
		byte[] first = sha1.digest(Arrays.copyOf(film, piece));
		byte[] tail = Arrays.copyOfRange(film, piece, film.length);
		byte[] tailAlone = sha1.digest(tail);
		sha1.update(tail);
		byte[] tailPadded = sha1.digest(new byte[piece - tail.length]);
		var stored = jdbc.sql("""
				SELECT piece_length, hashed_bytes, pieces, tail_alone, tail_padded FROM torrent_piece_hashes
				WHERE file_id = ?
				""")
			.param(file.id().value())
			.query((rs, n) -> List.of(rs.getInt(1), rs.getLong(2), rs.getBytes(3), rs.getBytes(4), rs.getBytes(5)))
			.single();
		assertThat(stored.get(0)).isEqualTo(piece);
		assertThat(stored.get(1)).as("complete, so the background job has nothing to do").isEqualTo((long) film.length);
		assertThat((byte[]) stored.get(2)).isEqualTo(first);
		assertThat((byte[]) stored.get(3)).isEqualTo(tailAlone);
		assertThat((byte[]) stored.get(4)).isEqualTo(tailPadded);
		assertThat(jdbc.sql("SELECT piece_state IS NULL FROM upload_sessions WHERE id = ?").param(id)
			.query(Boolean.class).single()).as("handed over").isTrue();
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
				properties, java.time.Clock.systemUTC(), pieces, new SimpleMeterRegistry());
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

	@Test
	void aSha1ChecksumIsVerifiedAsTheChecksumExtensionRequires() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		BundleId bundle = fixtures.draft(creator, "Tus sha1", bytes(10, 50));
		String location = create(creator, bundle, 300_000, "a.mp4");
		byte[] chunk = bytes(100_000, 51);

		patch(creator, location, 0, chunk, "sha1 " + base64(digest("SHA-1", bytes(100_000, 52))))
			.andExpect(status().is(460));
		assertThat(stagedBytes(idOf(location))).isZero();
		patch(creator, location, 0, chunk, "sha1 " + base64(digest("SHA-1", chunk)))
			.andExpect(status().isNoContent())
			.andExpect(header().string("Upload-Offset", "100000"));
		patch(creator, location, 100_000, chunk, "sha1 AAAA").andExpect(status().isBadRequest());
	}

	@Test
	void aPatchWithBytesToACompletedUploadIs409AndTheBytesAreNotTakenSilently() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		BundleId bundle = fixtures.draft(creator, "Tus complete", bytes(10, 53));
		byte[] film = bytes(100_000, 54);
		String location = create(creator, bundle, film.length, "film.mp4");
		patch(creator, location, 0, film, null).andExpect(status().isNoContent());

		patch(creator, location, film.length, bytes(10, 55), null)
			.andExpect(status().isConflict())
			.andExpect(header().string("Tus-Resumable", "1.0.0"))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("complete")));
		// Asking again where it stands, with no bytes, is fine.
		patch(creator, location, film.length, new byte[0], null)
			.andExpect(status().isNoContent())
			.andExpect(header().string("Upload-Offset", "100000"));
		assertThat(catalog.editable(creator.accountId(), bundle).files()).hasSize(2);
	}

	@Test
	void conflictBodiesPrintOffsetsAsPlainDigitsInEveryLocale() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		BundleId bundle = fixtures.draft(creator, "Tus digits", bytes(10, 56));
		String location = create(creator, bundle, 100_000, "a.mp4");
		patch(creator, location, 0, bytes(6613, 57), null).andExpect(status().isNoContent());

		for (String language : new String[] { "en-US", "de-DE", "fr-FR", "hi-IN" }) {
			mvc.perform(request(HttpMethod.PATCH, location).with(user(creator)).with(csrf().asHeader())
				.header("Tus-Resumable", "1.0.0").header("Upload-Offset", "0").header("Accept-Language", language)
				.contentType("application/offset+octet-stream").content(bytes(10, 58)))
				.andExpect(status().isConflict())
				.andExpect(content().string(org.hamcrest.Matchers.containsString("at byte 6613;")));
		}
	}

	@Test
	void aRefusedTypeIsRefusedOnceItsFirst64KiBArriveAndWhatWasStagedIsDeleted() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		BundleId bundle = fixtures.draft(creator, "Tus early type", bytes(10, 59));
		// A Windows executable named as a film, 3 MB of which only the first 64 KiB are ever needed.
		byte[] exe = windowsExecutable(3_000_000);
		String location = create(creator, bundle, exe.length, "film.mp4");
		UUID id = idOf(location);
		long stored = storedBlobs();

		// The first request brings less than 64 KiB: nothing to decide yet.
		patch(creator, location, 0, Arrays.copyOfRange(exe, 0, 40_000), null).andExpect(status().isNoContent());
		// The next one completes the head: refused there, not after the last byte.
		patch(creator, location, 40_000, Arrays.copyOfRange(exe, 40_000, 2_000_000), null)
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("application/x-msdownload")));

		assertThat(stagedBytes(id)).isEqualTo(-1);
		assertThat(storedBlobs()).isEqualTo(stored);
		mvc.perform(head(creator, location)).andExpect(status().isOk()).andExpect(header().string("Upload-Offset", "0"));
		// The upload stays refused, whatever is sent next.
		patch(creator, location, 0, bytes(100_000, 60), null)
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("application/x-msdownload")));
		assertThat(stagedBytes(id)).isEqualTo(-1);
		assertThat(catalog.editable(creator.accountId(), bundle).files()).hasSize(1);
		// Nor does it hold back the quota.
		assertThat(sessions.pendingBytes(creator.accountId().value(), Instant.now())).isZero();
	}

	@Test
	void bytesAKilledRequestStagedPastItsLastCheckpointAreRecoveredOnTheNextHead() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		BundleId bundle = fixtures.draft(creator, "Tus recovery", bytes(10, 61));
		byte[] film = bytes(1_000_000, 62);
		String location = create(creator, bundle, film.length, "film.mp4");
		UUID id = idOf(location);
		patch(creator, location, 0, Arrays.copyOfRange(film, 0, 300_000), null).andExpect(status().isNoContent());
		// kill -9 during the next request, after it wrote 250,000 more bytes and before its checkpoint; its lease
		// has lapsed (or was released by the restarted instance).
		leaveUnrecordedBytes(id, 300_000, Arrays.copyOfRange(film, 300_000, 550_000));

		MvcResult head = mvc.perform(head(creator, location)).andExpect(status().isOk()).andReturn();

		long offset = Long.parseLong(head.getResponse().getHeader("Upload-Offset"));
		assertThat(offset).isEqualTo(recoversUnrecordedBytes() ? 550_000 : 300_000);
		patch(creator, location, offset, Arrays.copyOfRange(film, (int) offset, film.length), null)
			.andExpect(status().isNoContent())
			.andExpect(header().string("Upload-Offset", "1000000"));
		// The digest went on from the saved state over the recovered bytes: the file's SHA-256 is the film's.
		assertThat(catalog.editable(creator.accountId(), bundle).files().get(1).sha256()).isEqualTo(sha256(film));
	}

	@Test
	void bytesStagedByAKilledRequestWithAChecksumAreNotRecoveredUnverified() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		BundleId bundle = fixtures.draft(creator, "Tus unverified", bytes(10, 63));
		byte[] film = bytes(600_000, 64);
		String location = create(creator, bundle, film.length, "film.mp4");
		UUID id = idOf(location);
		patch(creator, location, 0, Arrays.copyOfRange(film, 0, 300_000), null).andExpect(status().isNoContent());
		// The killed request carried Upload-Checksum: what it wrote was never checked against it.
		jdbc.sql("UPDATE upload_sessions SET checksum_pending = TRUE WHERE id = ?").param(id).update();
		leaveUnrecordedBytes(id, 300_000, bytes(100_000, 65));

		mvc.perform(head(creator, location)).andExpect(header().string("Upload-Offset", "300000"));
		patch(creator, location, 300_000, Arrays.copyOfRange(film, 300_000, film.length), null)
			.andExpect(header().string("Upload-Offset", "600000"));
		assertThat(catalog.editable(creator.accountId(), bundle).files().get(1).sha256()).isEqualTo(sha256(film));
	}

	@Test
	void aPostWithXHttpMethodOverrideIsTheMethodItNamesOnTheWire() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		BundleId bundle = fixtures.draft(creator, "Tus override", bytes(10, 66));
		TusWire wire = new TusWire(port).signIn(creator);
		String location = wireCreate(wire, bundle, 1000);
		byte[] chunk = bytes(400, 67);

		HttpResponse<String> patched = wire.send(wire.withCsrf(location).header("X-HTTP-Method-Override", "PATCH")
			.header("Upload-Offset", "0").header("Content-Type", "application/offset+octet-stream")
			.POST(HttpRequest.BodyPublishers.ofByteArray(chunk)));
		assertThat(patched.statusCode()).isEqualTo(204);
		assertThat(patched.headers().firstValue("Upload-Offset")).hasValue("400");

		// A HEAD changes nothing, so it needs no CSRF token, overridden or not.
		HttpResponse<String> head = wire.send(wire.request(location).header("X-HTTP-Method-Override", "HEAD")
			.POST(HttpRequest.BodyPublishers.noBody()));
		assertThat(head.statusCode()).isEqualTo(200);
		assertThat(head.headers().firstValue("Upload-Offset")).hasValue("400");
		assertThat(head.headers().firstValue("Cache-Control")).hasValue("no-store");
		assertThat(head.body()).isEmpty();

		// A PATCH or DELETE does, as when sent as itself.
		HttpResponse<String> forged = wire.send(wire.request(location).header("X-HTTP-Method-Override", "PATCH")
			.header("Upload-Offset", "400").header("Content-Type", "application/offset+octet-stream")
			.POST(HttpRequest.BodyPublishers.ofByteArray(chunk)));
		assertThat(forged.statusCode()).isEqualTo(403);
		assertThat(forged.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(forged.body()).contains("X-CSRF-TOKEN");
		assertThat(wire.send(wire.request(location).header("X-HTTP-Method-Override", "DELETE")
			.POST(HttpRequest.BodyPublishers.noBody())).statusCode()).isEqualTo(403);
		assertThat(stagedBytes(idOf(location))).isEqualTo(400);

		assertThat(wire.send(wire.withCsrf(location).header("X-HTTP-Method-Override", "PUT")
			.POST(HttpRequest.BodyPublishers.noBody())).statusCode()).isEqualTo(405);
		assertThat(wire.send(wire.withCsrf(location).header("X-HTTP-Method-Override", "delete")
			.POST(HttpRequest.BodyPublishers.noBody())).statusCode()).isEqualTo(204);
		assertThat(wire.send(wire.request(location).method("HEAD", HttpRequest.BodyPublishers.noBody()))
			.statusCode()).isEqualTo(404);
		assertThat(stagedBytes(idOf(location))).isEqualTo(-1);
	}

	@Test
	void signedOutRequestsGet401WithTusResumableAndAProblemForEveryMethod() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		BundleId bundle = fixtures.draft(creator, "Tus signed out", bytes(10, 68));
		TusWire wire = new TusWire(port).signIn(creator);
		String location = wireCreate(wire, bundle, 1000);
		// Signed out in another tab: this page still has its upload URL and its (now stale) CSRF token.
		wire.signOut();

		var requests = java.util.Map.of(
				"HEAD", wire.withCsrf(location).method("HEAD", HttpRequest.BodyPublishers.noBody()),
				"OPTIONS", wire.withCsrf(ENDPOINT).method("OPTIONS", HttpRequest.BodyPublishers.noBody()),
				"POST", wire.withCsrf(ENDPOINT).header("Upload-Length", "10")
					.header("Upload-Metadata", metadata(bundle, "b.mp4")).POST(HttpRequest.BodyPublishers.noBody()),
				"PATCH", wire.withCsrf(location).header("Upload-Offset", "0")
					.header("Content-Type", "application/offset+octet-stream")
					.method("PATCH", HttpRequest.BodyPublishers.ofByteArray(bytes(100, 69))),
				"DELETE", wire.withCsrf(location).DELETE(),
				"PATCH overridden", wire.request(location).header("X-HTTP-Method-Override", "PATCH")
					.header("Upload-Offset", "0").header("Content-Type", "application/offset+octet-stream")
					.POST(HttpRequest.BodyPublishers.ofByteArray(bytes(100, 69))));
		for (var request : requests.entrySet()) {
			HttpResponse<String> response = wire.send(request.getValue());
			assertThat(response.statusCode()).as(request.getKey()).isEqualTo(401);
			assertThat(response.headers().firstValue("Tus-Resumable")).as(request.getKey()).hasValue("1.0.0");
			assertThat(response.headers().firstValue("Content-Type")).as(request.getKey())
				.hasValue("application/problem+json");
			assertThat(response.headers().firstValue("WWW-Authenticate")).as(request.getKey()).isPresent();
			if (!request.getKey().equals("HEAD")) {
				assertThat(response.body()).as(request.getKey()).contains("\"status\":401").contains("Sign in again");
			}
		}
		// Nothing changed meanwhile; signed in again, the same URL resumes.
		assertThat(stagedBytes(idOf(location))).isZero();
		TusWire again = new TusWire(port).signIn(creator);
		HttpResponse<String> head = again.send(again.request(location).method("HEAD", HttpRequest.BodyPublishers.noBody()));
		assertThat(head.statusCode()).isEqualTo(200);
		assertThat(head.headers().firstValue("Upload-Offset")).hasValue("0");
	}

	@Test
	void aSignedInRequestWithoutItsCsrfTokenGetsA403ProblemThatSaysSo() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		BundleId bundle = fixtures.draft(creator, "Tus no token", bytes(10, 70));
		TusWire wire = new TusWire(port).signIn(creator);
		String location = wireCreate(wire, bundle, 1000);

		for (String token : new String[] { null, "not-the-token" }) {
			HttpRequest.Builder patch = wire.request(location).header("Upload-Offset", "0")
				.header("Content-Type", "application/offset+octet-stream")
				.method("PATCH", HttpRequest.BodyPublishers.ofByteArray(bytes(100, 71)));
			if (token != null) {
				patch.header("X-CSRF-TOKEN", token);
			}
			HttpResponse<String> response = wire.send(patch);
			assertThat(response.statusCode()).isEqualTo(403);
			assertThat(response.headers().firstValue("Tus-Resumable")).hasValue("1.0.0");
			assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
			assertThat(response.body()).contains("\"status\":403").contains("security token");
		}
		assertThat(stagedBytes(idOf(location))).isZero();
	}

	@Test
	void aCompletedUploadRefusesMoreBytesOnTheWireWithPlainDigits() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		BundleId bundle = fixtures.draft(creator, "Tus wire done", bytes(10, 72));
		TusWire wire = new TusWire(port).signIn(creator);
		byte[] film = bytes(6613, 73);
		String location = wireCreate(wire, bundle, film.length);
		assertThat(wire.send(wirePatch(wire, location, 0, film)).statusCode()).isEqualTo(204);

		HttpResponse<String> more = wire.send(wirePatch(wire, location, film.length, bytes(10, 74)));
		assertThat(more.statusCode()).isEqualTo(409);
		HttpResponse<String> stale = wire.send(wirePatch(wire, location, 0, film).header("Accept-Language", "de-DE"));
		assertThat(stale.statusCode()).isEqualTo(409);
		assertThat(stale.body()).contains("6613").doesNotContain("6.613").doesNotContain("6,613");
	}

	private String wireCreate(TusWire wire, BundleId bundle, long length) throws Exception {
		HttpResponse<String> created = wire.send(wire.withCsrf(ENDPOINT).header("Upload-Length", Long.toString(length))
			.header("Upload-Metadata", metadata(bundle, "film.mp4")).POST(HttpRequest.BodyPublishers.noBody()));
		assertThat(created.statusCode()).isEqualTo(201);
		String location = created.headers().firstValue("Location").orElseThrow();
		created(idOf(location));
		return location;
	}

	private static HttpRequest.Builder wirePatch(TusWire wire, String location, long offset, byte[] chunk) {
		return wire.withCsrf(location).header("Upload-Offset", Long.toString(offset))
			.header("Content-Type", "application/offset+octet-stream")
			.method("PATCH", HttpRequest.BodyPublishers.ofByteArray(chunk));
	}

	/** The DOS header Tika knows a Windows executable by, then noise. */
	private static byte[] windowsExecutable(int length) {
		byte[] exe = bytes(length, 75);
		Arrays.fill(exe, 0, 64, (byte) 0);
		exe[0] = 'M';
		exe[1] = 'Z';
		return exe;
	}

	private static byte[] digest(String algorithm, byte[] bytes) throws Exception {
		return MessageDigest.getInstance(algorithm).digest(bytes);
	}

	private static String base64(byte[] bytes) {
		return Base64.getEncoder().encodeToString(bytes);
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
