package io.reelgate.storage;

import java.net.URI;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.testcontainers.containers.MinIOContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** The S3 store against a real MinIO server in a container; skipped where Docker is not available. */
@Testcontainers(disabledWithoutDocker = true)
class MinioBlobStoreTests extends S3BlobStoreContract {

	@Container
	static MinIOContainer minio = new MinIOContainer("minio/minio:RELEASE.2025-09-07T16-13-09Z");

	private static S3Client admin;

	@BeforeAll
	static void connect() {
		admin = S3Client.builder()
			.endpointOverride(URI.create(minio.getS3URL()))
			.region(Region.US_EAST_1)
			.forcePathStyle(true)
			.credentialsProvider(StaticCredentialsProvider
				.create(AwsBasicCredentials.create(minio.getUserName(), minio.getPassword())))
			.build();
	}

	@AfterAll
	static void close() {
		admin.close();
	}

	@Override
	URI endpoint() {
		return URI.create(minio.getS3URL());
	}

	@Override
	String accessKey() {
		return minio.getUserName();
	}

	@Override
	String secretKey() {
		return minio.getPassword();
	}

	@Override
	S3Client admin() {
		return admin;
	}
}
