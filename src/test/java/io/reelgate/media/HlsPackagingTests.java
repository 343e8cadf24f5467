package io.reelgate.media;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.catalog.BundleMedia;
import io.reelgate.catalog.Catalog;
import io.reelgate.catalog.FileView;
import io.reelgate.catalog.MediaInfo;
import io.reelgate.catalog.MediaMetadata;
import io.reelgate.shared.BundleFileId;
import io.reelgate.shared.BundleId;
import io.reelgate.storage.BlobStore;
import io.reelgate.storage.StoredBlob;
import io.reelgate.storage.s3.S3BlobStore;
import io.reelgate.support.Fixtures;
import io.reelgate.support.IntegrationTest;
import io.reelgate.support.S3Server;
import io.reelgate.support.TestVideos;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The packaging job's outcomes that a player never sees: a file ffmpeg cannot read fails with its reason and nothing
 * stored, a removed file's package and blobs go, and an S3 store gets the renditions in its bucket.
 */
@IntegrationTest
class HlsPackagingTests {

	private static S3Server server;

	@Autowired
	Fixtures fixtures;

	@Autowired
	HlsPackaging packaging;

	@Autowired
	HlsPackager packager;

	@Autowired
	HlsPackages packages;

	@Autowired
	HlsProperties properties;

	@Autowired
	Catalog catalog;

	@Autowired
	MediaMetadata metadata;

	@Autowired
	BundleMedia media;

	@Autowired
	BlobStore store;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	private AccountPrincipal creator;

	@BeforeAll
	static void start() throws Exception {
		TestVideos.requireFfmpeg();
		server = S3Server.start();
	}

	@AfterAll
	static void stop() throws Exception {
		if (server != null) {
			server.close();
		}
	}

	@BeforeEach
	void aCreator() {
		creator = fixtures.creator();
	}

	@Test
	void aFileFfmpegCannotReadIsMarkedFailedWithTheReasonAndNothingIsStored() {
		BundleId bundle = fixtures.draft(creator, Fixtures.unique("Unreadable"), "notes".getBytes());
		// A text file that a (mistaken) probe took for a film: ffmpeg refuses to read it as one.
		FileView notes = fixtures.addFile(creator, bundle, "notes.txt", "not a film at all".getBytes());
		metadata.record(notes.id(), new MediaInfo(2000L, 320, 240, "h264", "aac", "mov"), null);
		packages.queue(notes.id());
		packaging.startWork();

		await().atMost(Duration.ofSeconds(60)).until(() -> "FAILED".equals(state(notes.id())));
		String failure = jdbc.sql("select failure from hls_packages where file_id = ?").param(notes.id().value())
			.query(String.class).single();
		assertThat(failure).isNotBlank().doesNotContain("http");
		assertThat(renditionKeys(notes.id())).isEmpty();
		assertThat(packages.states(List.of(notes.id())).get(notes.id()).state()).isEqualTo("FAILED");
		assertThat(fixtures.as(creator, () -> catalog.editable(creator.accountId(), bundle)).files()).hasSize(2);
	}

	@Test
	void aFileQueuedAgainKeepsItsPackageServedUntilTheNewOneReplacesItInOneGo() {
		// All in one transaction, rolled back: no worker sees these rows of a file that does not exist.
		TransactionTemplate tx = new TransactionTemplate(transactions);
		tx.executeWithoutResult(status -> {
			status.setRollbackOnly();
			BundleFileId file = new BundleFileId(UUID.randomUUID());
			String oldKey = "old-" + UUID.randomUUID();
			jdbc.sql("""
					insert into hls_packages (file_id, state, progress, method, master_playlist, updated_at)
					values (?, 'READY', 100, 'REMUX', '#EXTM3U old', now() - interval '1 hour')""")
				.param(file.value()).update();
			jdbc.sql("""
					insert into hls_renditions (file_id, name, playlist, blob_key, size, sha256, content_type, created_at)
					values (?, 'v720', 'old playlist', ?, 1, ?, 'video/mp4', now())""")
				.params(file.value(), oldKey, "0".repeat(64)).update();

			packages.requeue(file);
			assertThat(state(file)).isEqualTo("QUEUED");
			assertThat(packages.master(file)).contains("#EXTM3U old");
			assertThat(packages.rendition(file, "v720")).map(HlsPackages.StoredRendition::blobKey).contains(oldKey);
			assertThat(packages.states(List.of(file)).get(file).playing()).isTrue();
			OffsetDateTime queuedAt = updatedAt(file);
			packages.requeue(file);
			assertThat(updatedAt(file)).as("a retried request changes nothing").isEqualTo(queuedAt);

			// A run under way when the file is queued again loses its claim, and with it any say.
			HlsPackages.Claim stale = claim(file);
			packages.requeue(file);
			assertThat(packages.progress(stale, 50, properties.lease())).isFalse();
			assertThat(packages.complete(stale, "LADDER", "#EXTM3U stale", List.of())).isEmpty();
			assertThat(packages.master(file)).contains("#EXTM3U old");

			HlsPackages.Claim run = claim(file);
			List<HlsPackages.StoredRendition> made = List.of(
					new HlsPackages.StoredRendition("v480", "new playlist", "new-" + UUID.randomUUID(), 1,
							"1".repeat(64), "video/mp4", Clock.systemUTC().instant()),
					new HlsPackages.StoredRendition("o720", "new playlist", "new-" + UUID.randomUUID(), 1,
							"1".repeat(64), "video/mp4", Clock.systemUTC().instant()));
			assertThat(packages.complete(run, "LADDER", "#EXTM3U new", made)).contains(List.of(oldKey));
			assertThat(state(file)).isEqualTo("READY");
			assertThat(packages.master(file)).contains("#EXTM3U new");
			assertThat(packages.rendition(file, "v720")).isEmpty();
			assertThat(renditionKeys(file)).containsExactlyInAnyOrder(made.get(0).blobKey(), made.get(1).blobKey());
		});
	}

	private HlsPackages.Claim claim(BundleFileId file) {
		UUID id = UUID.randomUUID();
		jdbc.sql("update hls_packages set state = 'PACKAGING', claimed_by = ?, lease_until = now() + interval '1 minute' "
				+ "where file_id = ?").params(id, file.value()).update();
		return new HlsPackages.Claim(file, id);
	}

	private OffsetDateTime updatedAt(BundleFileId file) {
		return jdbc.sql("select updated_at from hls_packages where file_id = ?").param(file.value())
			.query(OffsetDateTime.class).single();
	}

	@Test
	void aRemovedFilesPackageAndItsBlobsAreDeleted() throws Exception {
		BundleId bundle = fixtures.draft(creator, Fixtures.unique("Removed"), "notes".getBytes());
		FileView film = fixtures.addFile(creator, bundle, "film.mp4", TestVideos.video());
		await().atMost(Duration.ofSeconds(90)).until(() -> "READY".equals(state(film.id())));
		List<String> keys = renditionKeys(film.id());
		assertThat(keys).hasSize(2);
		try (InputStream segments = store.open(keys.get(0), 0)) {
			assertThat(segments.readNBytes(8)).hasSize(8);
		}

		fixtures.as(creator, () -> {
			media.removeFile(creator.accountId(), bundle, film.id());
			return null;
		});
		packaging.sweep();

		assertThat(state(film.id())).isNull();
		assertThat(renditionKeys(film.id())).isEmpty();
		for (String key : keys) {
			assertThatThrownBy(() -> store.open(key, 0).close()).isInstanceOf(IOException.class);
		}
	}

	@Test
	void packagesAFilmInTheBucketIntoTheBucketThroughAPresignedUrl() throws Exception {
		S3Presigner presigner = S3Presigner.builder()
			.endpointOverride(server.endpoint())
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider
				.create(AwsBasicCredentials.create(S3Server.ACCESS_KEY, S3Server.SECRET_KEY)))
			.serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
			.build();
		String bucket = server.newBucket();
		try (S3BlobStore s3 = new S3BlobStore(server.client(), presigner, bucket, "")) {
			StoredBlob inBucket = s3.store(new ByteArrayInputStream(TestVideos.mpeg4Avi()), 10_000_000);
			BundleId bundle = fixtures.draft(creator, Fixtures.unique("S3 package"), "notes".getBytes());
			// The catalog's row of a text file (which the shared context leaves alone), pointed at the film in the
			// bucket, probed and claimed by hand for the S3 store's packaging.
			FileView row = fixtures.addFile(creator, bundle, "notes.txt", "notes".getBytes());
			jdbc.sql("update bundle_files set storage_key = ? where id = ?").params(inBucket.key(), row.id().value())
				.update();
			metadata.record(row.id(), new MediaInfo(2000L, 320, 240, "mpeg4", "mp3", "avi"), null);
			UUID claim = UUID.randomUUID();
			jdbc.sql("""
					insert into hls_packages (file_id, state, claimed_by, lease_until, updated_at)
					values (?, 'PACKAGING', ?, ?, ?)""")
				.params(row.id().value(), claim, Clock.systemUTC().instant().plusSeconds(600).atOffset(ZoneOffset.UTC),
						Clock.systemUTC().instant().atOffset(ZoneOffset.UTC))
				.update();

			new HlsPackaging(packager, packages, catalog, new MediaInputs(s3), s3, properties, Clock.systemUTC())
				.run(new HlsPackages.Claim(row.id(), claim));

			assertThat(state(row.id())).isEqualTo("READY");
			List<String> keys = renditionKeys(row.id());
			assertThat(keys).hasSize(2);
			try (var client = server.client()) {
				assertThat(client.listObjectsV2(list -> list.bucket(bucket)).contents())
					.extracting(o -> o.key()).containsExactlyInAnyOrder(inBucket.key(), keys.get(0), keys.get(1));
			}
			for (String key : keys) {
				try (InputStream segments = s3.open(key, 4)) {
					assertThat(new String(segments.readNBytes(4))).isEqualTo("ftyp");
				}
			}
			assertThat(packages.master(row.id()).orElseThrow()).contains("v240.m3u8", "URI=\"a.m3u8\"");
		}
	}

	private String state(BundleFileId file) {
		return jdbc.sql("select state from hls_packages where file_id = ?").param(file.value()).query(String.class)
			.optional().orElse(null);
	}

	private List<String> renditionKeys(BundleFileId file) {
		return jdbc.sql("select blob_key from hls_renditions where file_id = ? order by name").param(file.value())
			.query(String.class).list();
	}
}
