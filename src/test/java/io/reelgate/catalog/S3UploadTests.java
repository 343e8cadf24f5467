package io.reelgate.catalog;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.shared.BundleId;
import io.reelgate.storage.s3.S3BlobStore;
import io.reelgate.support.Fixtures;
import io.reelgate.support.IntegrationTest;
import io.reelgate.support.S3Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The catalog's upload path with its blobs in S3 (S3Proxy in this JVM). The media service is built over an S3 store
 * next to the shared context's own, so no second application context (and database) is started.
 */
@IntegrationTest
class S3UploadTests {

	private static S3Server server;

	@Autowired
	Fixtures fixtures;

	@Autowired
	BundleMediaRecords records;

	@Autowired
	CatalogProperties properties;

	@Autowired
	Catalog catalog;

	@Autowired
	ContentTypes contentTypes;

	@Autowired
	CaptionTracks captions;

	@BeforeAll
	static void start() throws Exception {
		server = S3Server.start();
	}

	@AfterAll
	static void stop() throws Exception {
		server.close();
	}

	@Test
	void anUploadedFileIsStoredInTheBucketWithItsSizeAndSha256Recorded() throws Exception {
		S3BlobStore store = server.newStore();
		BundleMedia media = new BundleMedia(records, store, properties, contentTypes, captions);
		AccountPrincipal creator = fixtures.creator();
		BundleId id = fixtures.draft(creator, "S3 upload", "first".getBytes());
		byte[] content = new byte[1_500_000];
		new Random(11).nextBytes(content);

		FileView file = media.addFile(creator.accountId(), id, "../Trailer (final).mov",
				new ByteArrayInputStream(content));

		FileView stored = catalog.editable(creator.accountId(), id).files().get(1);
		assertThat(stored.id()).isEqualTo(file.id());
		assertThat(stored.name()).isEqualTo("Trailer (final).mov");
		assertThat(stored.size()).isEqualTo(content.length);
		assertThat(stored.sha256()).isEqualTo(sha256(content));
		try (InputStream in = store.open(stored.storageKey(), 0)) {
			assertThat(sha256(in.readAllBytes())).isEqualTo(sha256(content));
		}
	}

	@Test
	void aFileOverTheLimitLeavesNoRowAndNoObject() throws Exception {
		String bucket = server.newBucket();
		BundleMedia media = new BundleMedia(records, new S3BlobStore(server.client(), bucket, ""), properties,
				contentTypes, captions);
		AccountPrincipal creator = fixtures.creator();
		BundleId id = fixtures.draft(creator, "S3 too large", "first".getBytes());
		byte[] content = new byte[(int) properties.maxFileSize().toBytes() + 1];

		assertThatThrownBy(() -> media.addFile(creator.accountId(), id, "big.mp4", new ByteArrayInputStream(content)))
			.isInstanceOf(CatalogException.class);

		assertThat(catalog.editable(creator.accountId(), id).files()).hasSize(1);
		try (var admin = server.client()) {
			assertThat(admin.listObjectsV2(list -> list.bucket(bucket)).contents()).isEmpty();
			assertThat(admin.listMultipartUploads(list -> list.bucket(bucket)).uploads()).isEmpty();
		}
	}

	private static String sha256(byte[] bytes) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
	}
}
