package io.reelgate.storage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Random;

import io.reelgate.storage.s3.S3BlobStore;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every S3-compatible server must do with our S3 store. Each subclass runs it against a real server; the
 * store is built from {@link StorageProperties} exactly as the application builds it.
 */
abstract class S3BlobStoreContract {

	private static final int MIB = 1024 * 1024;

	/** The server's URL. */
	abstract URI endpoint();

	abstract String accessKey();

	abstract String secretKey();

	/** A client with full rights, to make buckets and inspect what the store left behind. */
	abstract S3Client admin();

	private String bucket;

	private BlobStore store() {
		bucket = "reelgate-" + Long.toHexString(new Random().nextLong() & Long.MAX_VALUE);
		admin().createBucket(create -> create.bucket(bucket));
		var s3 = new StorageProperties.S3(bucket, "us-east-1", endpoint(), true, accessKey(), secretKey(), "films/");
		return new S3BlobStore(StorageConfiguration.s3Client(s3), StorageConfiguration.s3Presigner(s3), bucket,
				s3.keyPrefix());
	}

	@Test
	void aPresignedUrlServesTheBlobWithItsFilenameAndTypeWithoutCredentials() throws Exception {
		S3BlobStore store = (S3BlobStore) store();
		byte[] content = random(200_000, 7);
		StoredBlob blob = store.store(new ByteArrayInputStream(content), 10L * MIB);

		URI url = store.presignedGet(blob.key(), "Amélie (2001).mp4", "video/mp4", Duration.ofMinutes(5))
			.orElseThrow();
		HttpResponse<byte[]> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(url).GET().build(), HttpResponse.BodyHandlers.ofByteArray());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo(content);
		assertThat(url.getRawQuery()).contains("X-Amz-Expires=300")
			.contains("response-content-disposition=")
			.contains("response-content-type=video%2Fmp4");
		assertThat(URLDecoder.decode(url.getRawQuery(), StandardCharsets.UTF_8))
			.contains("filename*=UTF-8''Am%C3%A9lie%20%282001%29.mp4");
	}

	@Test
	void aSmallBlobMakesTheRoundTripWithItsSizeAndSha256() throws IOException {
		BlobStore store = store();
		byte[] content = random(300_000, 1);

		StoredBlob blob = store.store(new ByteArrayInputStream(content), 10L * MIB);

		assertThat(blob.size()).isEqualTo(content.length);
		assertThat(blob.sha256()).isEqualTo(sha256(content));
		try (InputStream in = store.open(blob.key(), 0)) {
			assertThat(in.readAllBytes()).isEqualTo(content);
		}
		assertThat(admin().headObject(head -> head.bucket(bucket).key("films/" + blob.key())).contentLength())
			.isEqualTo(content.length);
	}

	@Test
	void aLargeBlobIsUploadedInPartsAndReadBackWholeOrFromAnOffset() throws IOException {
		BlobStore store = store();
		byte[] content = random(12 * MIB + 12_345, 2);

		StoredBlob blob = store.store(new ByteArrayInputStream(content), 50L * 1000 * 1000 * 1000);

		assertThat(blob.size()).isEqualTo(content.length);
		assertThat(blob.sha256()).isEqualTo(sha256(content));
		// A multipart object's ETag ends in the number of its parts: 5 MiB + 5 MiB + the rest.
		assertThat(admin().headObject(head -> head.bucket(bucket).key("films/" + blob.key())).eTag())
			.endsWith("-3\"");
		try (InputStream in = store.open(blob.key(), 0)) {
			assertThat(sha256(in.readAllBytes())).isEqualTo(sha256(content));
		}
		int offset = 7 * MIB + 3;
		try (InputStream in = store.open(blob.key(), offset)) {
			byte[] tail = in.readAllBytes();
			assertThat(tail.length).isEqualTo(content.length - offset);
			assertThat(sha256(tail)).isEqualTo(sha256(java.util.Arrays.copyOfRange(content, offset, content.length)));
		}
	}

	@Test
	void aBlobWrittenInPartsOverManyRequestsAppearsOnlyWhenCompletedAndScratchObjectsCanGo() throws IOException {
		MultipartBlobs store = (MultipartBlobs) store();
		byte[] content = random(11 * MIB, 5);
		java.util.UUID upload = java.util.UUID.randomUUID();
		MultipartBlobs.Multipart multipart = store.start(content.length);
		assertThat(multipart.partSize()).isEqualTo(5L * MIB);

		byte[] part = java.util.Arrays.copyOfRange(content, 0, 5 * MIB);
		String etag1 = store.uploadPart(multipart, 1, random(5 * MIB, 6), 5 * MIB);
		// A part stored again (a request that never recorded it) replaces the first attempt.
		etag1 = store.uploadPart(multipart, 1, part, part.length);
		String etag2 = store.uploadPart(multipart, 2, java.util.Arrays.copyOfRange(content, 5 * MIB, 10 * MIB), 5 * MIB);
		store.putScratch(upload, 10L * MIB + 10, content, 10);
		try (InputStream in = store.openScratch(upload, 10L * MIB + 10)) {
			assertThat(in.readAllBytes()).isEqualTo(java.util.Arrays.copyOf(content, 10));
		}
		assertThat(admin().listObjectsV2(list -> list.bucket(bucket).prefix("films/" + multipart.key())).contents())
			.as("nothing visible before completion").isEmpty();
		byte[] last = java.util.Arrays.copyOfRange(content, 10 * MIB, content.length);
		String etag3 = store.uploadPart(multipart, 3, last, last.length);

		StoredBlob blob = store.complete(multipart, java.util.List.of(new MultipartBlobs.Part(1, etag1, 5L * MIB),
				new MultipartBlobs.Part(2, etag2, 5L * MIB), new MultipartBlobs.Part(3, etag3, last.length)),
				sha256(content));
		store.deleteAllScratch(upload);

		assertThat(blob.key()).isEqualTo(multipart.key());
		assertThat(blob.size()).isEqualTo(content.length);
		try (InputStream in = ((BlobStore) store).open(blob.key(), 0)) {
			assertThat(sha256(in.readAllBytes())).isEqualTo(sha256(content));
		}
		assertThat(admin().listObjectsV2(list -> list.bucket(bucket).prefix("films/staging/")).contents()).isEmpty();
		assertThat(admin().listMultipartUploads(list -> list.bucket(bucket)).uploads()).isEmpty();
	}

	@Test
	void anAbortedMultipartUploadLeavesNothing() throws IOException {
		MultipartBlobs store = (MultipartBlobs) store();
		MultipartBlobs.Multipart multipart = store.start(20L * MIB);
		store.uploadPart(multipart, 1, random(5 * MIB, 8), 5 * MIB);

		store.abort(multipart);
		store.abort(multipart);

		assertThat(admin().listMultipartUploads(list -> list.bucket(bucket)).uploads()).isEmpty();
		assertThat(admin().listObjectsV2(list -> list.bucket(bucket)).contents()).isEmpty();
	}

	@Test
	void aReadStoppedEarlyDoesNotHangOrBreakTheNextRead() throws IOException {
		BlobStore store = store();
		byte[] content = random(6 * MIB, 3);
		StoredBlob blob = store.store(new ByteArrayInputStream(content), 50L * MIB);

		try (InputStream in = store.open(blob.key(), 100)) {
			assertThat(in.readNBytes(10)).isEqualTo(java.util.Arrays.copyOfRange(content, 100, 110));
		}
		try (InputStream in = store.open(blob.key(), content.length - 5)) {
			assertThat(in.readAllBytes()).isEqualTo(java.util.Arrays.copyOfRange(content, content.length - 5,
					content.length));
		}
	}

	@Test
	void contentOverTheLimitLeavesNeitherAnObjectNorAnUnfinishedUpload() {
		BlobStore store = store();
		byte[] content = random(11 * MIB, 4);

		assertThatThrownBy(() -> store.store(new ByteArrayInputStream(content), 8L * MIB))
			.isInstanceOf(BlobTooLargeException.class);

		assertThat(admin().listObjectsV2(list -> list.bucket(bucket)).contents()).isEmpty();
		assertThat(admin().listMultipartUploads(list -> list.bucket(bucket)).uploads()).isEmpty();
	}

	@Test
	void aLocalFileThatDoesNotHaveTheSha256ItWasWrittenWithIsRefused(@org.junit.jupiter.api.io.TempDir java.nio.file.Path temp)
			throws IOException {
		BlobStore store = store();
		byte[] content = random(MIB, 8);
		java.nio.file.Path staged = temp.resolve("upload.part");
		java.nio.file.Files.write(staged, content);
		content[1000] ^= 1;

		assertThatThrownBy(() -> store.adopt(staged, 50L * MIB, sha256(content))).isInstanceOf(IOException.class);
		assertThat(staged).exists();
		assertThat(admin().listObjectsV2(list -> list.bucket(bucket)).contents()).isEmpty();
	}

	@Test
	void aFinishedUploadIsTakenOverFromItsLocalFile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path temp)
			throws IOException {
		BlobStore store = store();
		byte[] content = random(6 * MIB + 1, 7);
		java.nio.file.Path staged = temp.resolve("upload.part");
		java.nio.file.Files.write(staged, content);

		StoredBlob blob = store.adopt(staged, 50L * MIB, sha256(content));

		assertThat(staged).doesNotExist();
		assertThat(blob.sha256()).isEqualTo(sha256(content));
		try (InputStream in = store.open(blob.key(), 0)) {
			assertThat(sha256(in.readAllBytes())).isEqualTo(sha256(content));
		}
	}

	@Test
	void aDeletedBlobIsGone() throws IOException {
		BlobStore store = store();
		StoredBlob blob = store.store(new ByteArrayInputStream(random(1000, 5)), MIB);

		store.delete(blob.key());
		store.delete(blob.key());

		assertThatThrownBy(() -> store.open(blob.key(), 0)).isInstanceOf(NoSuchFileException.class);
		assertThat(admin().listObjectsV2(list -> list.bucket(bucket)).contents()).isEmpty();
	}

	@Test
	void keysThatAreNotTheStoresOwnAreRefused() {
		BlobStore store = store();

		assertThatThrownBy(() -> store.open("../other/object", 0)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> store.delete("films/../secret")).isInstanceOf(IllegalArgumentException.class);
	}

	static byte[] random(int length, long seed) {
		byte[] bytes = new byte[length];
		new Random(seed).nextBytes(bytes);
		return bytes;
	}

	static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}
}
