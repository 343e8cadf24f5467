package io.reelgate.media;

import java.io.ByteArrayInputStream;
import java.io.InputStream;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.catalog.Catalog;
import io.reelgate.catalog.FileView;
import io.reelgate.catalog.MediaInfo;
import io.reelgate.catalog.MediaMetadata;
import io.reelgate.shared.BundleId;
import io.reelgate.storage.StoredBlob;
import io.reelgate.storage.s3.S3BlobStore;
import io.reelgate.support.Fixtures;
import io.reelgate.support.IntegrationTest;
import io.reelgate.support.S3Server;
import io.reelgate.support.TestVideos;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With the film in S3 (S3Proxy in this JVM), ffprobe and ffmpeg read it from a presigned URL instead of a copy. The
 * probe is built over an S3 store next to the shared context's own, so no second application context is started.
 */
@IntegrationTest
class S3MediaProbeTests {

	private static S3Server server;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Ffmpeg ffmpeg;

	@Autowired
	Catalog catalog;

	@Autowired
	MediaMetadata metadata;

	@Autowired
	MediaProperties properties;

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

	@Test
	void probesAFilmInTheBucketThroughAPresignedUrlAndStoresThePosterFrameThere() throws Exception {
		S3Presigner presigner = S3Presigner.builder()
			.endpointOverride(server.endpoint())
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider
				.create(AwsBasicCredentials.create(S3Server.ACCESS_KEY, S3Server.SECRET_KEY)))
			.serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
			.build();
		String bucket = server.newBucket();
		try (S3BlobStore store = new S3BlobStore(server.client(), presigner, bucket, "")) {
			AccountPrincipal creator = fixtures.creator();
			BundleId bundle = fixtures.draft(creator, Fixtures.unique("S3 probe"), "notes".getBytes());
			StoredBlob film = store.store(new ByteArrayInputStream(TestVideos.video()), 10_000_000);
			// The catalog's row of a text file (which the shared context's own probe leaves alone), pointed at the
			// film in the bucket.
			FileView row = fixtures.addFile(creator, bundle, "notes.txt", "notes".getBytes());
			FileView inBucket = new FileView(row.id(), bundle, "film.mp4", "video/mp4", film.size(), film.sha256(),
					film.key(), row.createdAt(), false);

			new MediaProbe(ffmpeg, catalog, metadata, store, properties).probe(inBucket);

			FileView probed = catalog.editable(creator.accountId(), bundle).files().get(1);
			assertThat(probed.media()).isEqualTo(new MediaInfo(2000L, 320, 240, "h264", "aac", "mov,mp4,m4a,3gp,3g2,mj2"));
			assertThat(probed.hasPoster()).isTrue();
			try (var objects = server.client()) {
				assertThat(objects.listObjectsV2(list -> list.bucket(bucket)).contents()).hasSize(2);
				String poster = objects.listObjectsV2(list -> list.bucket(bucket)).contents().stream()
					.map(o -> o.key()).filter(key -> !key.equals(film.key())).findFirst().orElseThrow();
				try (InputStream jpeg = store.open(poster, 0)) {
					byte[] head = jpeg.readNBytes(3);
					assertThat(head).containsExactly(0xFF, 0xD8, 0xFF);
				}
			}
		}
	}
}
