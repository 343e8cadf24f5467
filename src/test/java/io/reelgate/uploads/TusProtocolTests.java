package io.reelgate.uploads;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import java.util.stream.Stream;

import io.reelgate.storage.BlobStore;
import io.reelgate.support.IntegrationTest;
import io.reelgate.support.StoredFiles;

import org.springframework.beans.factory.annotation.Autowired;

/** The tus protocol with the filesystem store: unfinished uploads are files in the staging directory. */
@IntegrationTest
class TusProtocolTests extends TusProtocolContract {

	private static final Path STAGING = Path.of("target/test-uploads");

	@Autowired
	BlobStore store;

	@Override
	long stagedBytes(UUID id) throws Exception {
		Path file = STAGING.resolve(id + ".part");
		return Files.exists(file) ? Files.size(file) : -1;
	}

	@Override
	long stagedUploads() throws Exception {
		try (Stream<Path> files = Files.list(STAGING)) {
			return files.count();
		}
	}

	@Override
	long storedBlobs() {
		return StoredFiles.count();
	}

	@Override
	void leaveUnrecordedBytes(UUID id, long offset, byte[] bytes) throws Exception {
		Files.write(STAGING.resolve(id + ".part"), bytes, StandardOpenOption.APPEND);
	}

	@Override
	UploadStaging freshStaging() throws Exception {
		return new FileStaging(properties, store);
	}

	@Override
	boolean recoversUnrecordedBytes() {
		return true;
	}
}
