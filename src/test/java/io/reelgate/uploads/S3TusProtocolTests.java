package io.reelgate.uploads;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.reelgate.storage.BlobStore;
import io.reelgate.storage.MultipartBlobs;
import io.reelgate.storage.MultipartBlobs.Multipart;
import io.reelgate.support.IntegrationTest;
import io.reelgate.support.S3Server;
import org.junit.jupiter.api.AfterAll;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.S3Object;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The tus protocol with the S3 store (S3Proxy in this JVM): unfinished uploads are multipart uploads with their
 * tails in scratch objects, and nothing is staged on a local disk.
 */
@IntegrationTest
class S3TusProtocolTests extends TusProtocolContract {

	private static S3Server server;

	private static S3Client admin;

	private static String bucket;

	private final Map<UUID, Multipart> multiparts = new ConcurrentHashMap<>();

	@Autowired
	BlobStore store;

	@DynamicPropertySource
	static void s3(DynamicPropertyRegistry registry) throws Exception {
		server = S3Server.start();
		admin = server.client();
		bucket = server.newBucket();
		registry.add("reelgate.storage.type", () -> "s3");
		registry.add("reelgate.storage.s3.bucket", () -> bucket);
		registry.add("reelgate.storage.s3.endpoint", () -> server.endpoint().toString());
		registry.add("reelgate.storage.s3.path-style", () -> "true");
		registry.add("reelgate.storage.s3.access-key-id", () -> S3Server.ACCESS_KEY);
		registry.add("reelgate.storage.s3.secret-access-key", () -> S3Server.SECRET_KEY);
		// Proves nothing is staged locally: this directory is never created.
		registry.add("reelgate.uploads.staging-directory", () -> "target/test-uploads-unused-with-s3");
	}

	@AfterAll
	static void stop() throws Exception {
		admin.close();
		server.close();
	}

	@Override
	void created(UUID id) {
		multiparts.put(id, sessions.find(id).orElseThrow().multipart());
	}

	@Override
	long stagedBytes(UUID id) {
		Multipart multipart = multiparts.get(id);
		boolean open = admin.listMultipartUploads(list -> list.bucket(bucket)).uploads().stream()
			.map(MultipartUpload::uploadId)
			.anyMatch(multipart.uploadId()::equals);
		long scratch = admin.listObjectsV2(list -> list.bucket(bucket).prefix("staging/" + id + "/")).contents()
			.stream()
			.mapToLong(S3Object::size)
			.sum();
		if (!open) {
			return scratch > 0 ? scratch : -1;
		}
		long parts = admin.listParts(list -> list.bucket(bucket).key(multipart.key()).uploadId(multipart.uploadId()))
			.parts()
			.stream()
			.mapToLong(part -> part.size())
			.sum();
		return parts + scratch;
	}

	@Override
	long stagedUploads() {
		return admin.listMultipartUploads(list -> list.bucket(bucket)).uploads().size();
	}

	@Override
	long storedBlobs() {
		return admin.listObjectsV2(list -> list.bucket(bucket)).contents().stream()
			.filter(object -> !object.key().startsWith("staging/"))
			.count();
	}

	@Override
	void leaveUnrecordedBytes(UUID id, long offset, byte[] bytes) throws Exception {
		MultipartBlobs multipart = (MultipartBlobs) store;
		multipart.putScratch(id, offset + bytes.length, bytes, bytes.length);
		multipart.uploadPart(multiparts.get(id), 1, bytes, bytes.length);
	}

	@Override
	UploadStaging freshStaging() {
		return new ObjectStaging((MultipartBlobs) store, sessions);
	}

	@Override
	boolean recoversUnrecordedBytes() {
		return false;
	}
}
