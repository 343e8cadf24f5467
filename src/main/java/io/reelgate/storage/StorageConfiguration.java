package io.reelgate.storage;

import java.io.IOException;
import java.nio.file.Path;

import io.reelgate.storage.filesystem.FilesystemBlobStore;
import io.reelgate.storage.s3.S3BlobStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

@Configuration(proxyBeanMethods = false)
class StorageConfiguration {

	private static final Logger log = LoggerFactory.getLogger(StorageConfiguration.class);

	@Bean
	BlobStore blobStore(StorageProperties properties) throws IOException {
		return switch (properties.type()) {
			case FILESYSTEM -> {
				log.info("Files are stored under {}", Path.of(properties.filesystemRoot()).toAbsolutePath().normalize());
				yield new FilesystemBlobStore(Path.of(properties.filesystemRoot()));
			}
			case S3 -> {
				StorageProperties.S3 s3 = properties.s3();
				log.info("Files are stored in S3 bucket {} ({})", s3.bucket(),
						s3.endpoint() != null ? s3.endpoint() : "AWS " + s3.region());
				yield new S3BlobStore(s3Client(s3), s3Presigner(s3), s3.bucket(), s3.keyPrefix());
			}
		};
	}

	static S3Client s3Client(StorageProperties.S3 s3) {
		S3ClientBuilder builder = S3Client.builder()
			.region(Region.of(s3.region()))
			.credentialsProvider(credentials(s3))
			.forcePathStyle(s3.pathStyle());
		if (s3.endpoint() != null) {
			builder.endpointOverride(s3.endpoint());
		}
		return builder.build();
	}

	/** Signs download URLs with the same credentials, region and addressing as the client. */
	static S3Presigner s3Presigner(StorageProperties.S3 s3) {
		S3Presigner.Builder builder = S3Presigner.builder()
			.region(Region.of(s3.region()))
			.credentialsProvider(credentials(s3))
			.serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(s3.pathStyle()).build());
		if (s3.endpoint() != null) {
			builder.endpointOverride(s3.endpoint());
		}
		return builder.build();
	}

	private static AwsCredentialsProvider credentials(StorageProperties.S3 s3) {
		if (StringUtils.hasText(s3.accessKeyId())) {
			return StaticCredentialsProvider.create(AwsBasicCredentials.create(s3.accessKeyId(), s3.secretAccessKey()));
		}
		return DefaultCredentialsProvider.builder().build();
	}
}
