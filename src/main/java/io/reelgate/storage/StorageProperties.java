package io.reelgate.storage;

import java.net.URI;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;
import org.springframework.validation.annotation.Validated;

/**
 * Where uploaded files are kept, and how their bytes leave.
 *
 * @param type which store holds the bytes: the local filesystem (default) or S3-compatible object storage
 * @param filesystemRoot the directory of the filesystem store
 * @param accelRedirectPrefix behind nginx: the internal location that maps to {@code filesystemRoot}; when set,
 * downloads of local files answer with {@code X-Accel-Redirect} and nginx sends the bytes. Blank: off.
 * @param s3 the bucket and connection of the S3 store, used when {@code type} is {@code s3}
 */
@ConfigurationProperties("reelgate.storage")
@Validated
record StorageProperties(@NotNull @DefaultValue("filesystem") Type type,
		@DefaultValue("./data/files") String filesystemRoot, @Nullable String accelRedirectPrefix,
		@Valid @DefaultValue S3 s3) {

	StorageProperties {
		if (type == Type.S3 && !StringUtils.hasText(s3.bucket())) {
			throw new IllegalArgumentException("reelgate.storage.s3.bucket is required when reelgate.storage.type=s3");
		}
		if (accelRedirectPrefix != null && !accelRedirectPrefix.isBlank()
				&& !(accelRedirectPrefix.startsWith("/") && accelRedirectPrefix.endsWith("/"))) {
			throw new IllegalArgumentException("reelgate.storage.accel-redirect-prefix must start and end with /");
		}
	}

	enum Type {
		FILESYSTEM, S3
	}

	/**
	 * An S3-compatible bucket.
	 *
	 * @param bucket the bucket, which must exist
	 * @param region the bucket's region (any value for most S3-compatible servers)
	 * @param endpoint the server's URL for S3-compatible storage (MinIO, Ceph, R2, ...); blank for AWS itself
	 * @param pathStyle address the bucket as {@code endpoint/bucket} rather than {@code bucket.endpoint}; most
	 * self-hosted servers need it
	 * @param accessKeyId the access key; blank means the AWS default chain (AWS_ACCESS_KEY_ID, profiles, instance
	 * roles)
	 * @param secretAccessKey the secret key belonging to {@code accessKeyId}
	 * @param keyPrefix prepended to every object key, to share a bucket (e.g. {@code reelgate/})
	 */
	record S3(String bucket, @DefaultValue("us-east-1") String region, URI endpoint,
			@DefaultValue("false") boolean pathStyle, String accessKeyId, String secretAccessKey,
			@DefaultValue("") String keyPrefix) {

		S3 {
			if (StringUtils.hasText(accessKeyId) != StringUtils.hasText(secretAccessKey)) {
				throw new IllegalArgumentException(
						"reelgate.storage.s3.access-key-id and secret-access-key must be set together");
			}
		}
	}
}
