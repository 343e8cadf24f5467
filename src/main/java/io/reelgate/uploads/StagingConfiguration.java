package io.reelgate.uploads;

import java.io.IOException;

import io.reelgate.storage.BlobStore;
import io.reelgate.storage.MultipartBlobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Stages unfinished uploads in the object store when it can take blobs in parts, else in local files. */
@Configuration(proxyBeanMethods = false)
class StagingConfiguration {

	private static final Logger log = LoggerFactory.getLogger(StagingConfiguration.class);

	@Bean
	UploadStaging uploadStaging(BlobStore store, UploadSessions sessions, UploadProperties properties)
			throws IOException {
		if (store instanceof MultipartBlobs multipart) {
			log.info("Unfinished uploads are staged in the object store as multipart uploads");
			return new ObjectStaging(multipart, sessions);
		}
		FileStaging files = new FileStaging(properties, store);
		log.info("Unfinished uploads are staged under {}; several instances must share it", files.root());
		return files;
	}
}
