package io.reelgate.storage;

import io.reelgate.storage.filesystem.FilesystemBlobStore;
import io.reelgate.storage.s3.S3BlobStore;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code reelgate.storage.type} picks the store, and an S3 store without a bucket stops the start. */
class StorageConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
		.withUserConfiguration(Properties.class, StorageConfiguration.class)
		.withPropertyValues("reelgate.storage.filesystem-root=target/test-storage-config");

	@Test
	void theFilesystemIsTheDefault() {
		runner.run(context -> assertThat(context).getBean(BlobStore.class).isInstanceOf(FilesystemBlobStore.class));
	}

	@Test
	void s3IsChosenByType() {
		runner.withPropertyValues("reelgate.storage.type=s3", "reelgate.storage.s3.bucket=films",
				"reelgate.storage.s3.endpoint=http://127.0.0.1:9", "reelgate.storage.s3.path-style=true",
				"reelgate.storage.s3.access-key-id=key", "reelgate.storage.s3.secret-access-key=secret")
			.run(context -> assertThat(context).getBean(BlobStore.class).isInstanceOf(S3BlobStore.class));
	}

	@Test
	void s3WithoutABucketFailsAtStartup() {
		runner.withPropertyValues("reelgate.storage.type=s3")
			.run(context -> assertThat(context).hasFailed()
				.getFailure().rootCause().hasMessageContaining("reelgate.storage.s3.bucket"));
	}

	@Test
	void anAccessKeyWithoutItsSecretFailsAtStartup() {
		runner.withPropertyValues("reelgate.storage.type=s3", "reelgate.storage.s3.bucket=films",
				"reelgate.storage.s3.access-key-id=key")
			.run(context -> assertThat(context).hasFailed()
				.getFailure().rootCause().hasMessageContaining("secret-access-key"));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(StorageProperties.class)
	static class Properties {
	}
}
