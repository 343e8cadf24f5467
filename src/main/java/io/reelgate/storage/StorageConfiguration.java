package io.reelgate.storage;

import java.io.IOException;
import java.nio.file.Path;

import io.reelgate.storage.filesystem.FilesystemBlobStore;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class StorageConfiguration {

	@Bean
	BlobStore blobStore(StorageProperties properties) throws IOException {
		return new FilesystemBlobStore(Path.of(properties.filesystemRoot()));
	}
}
