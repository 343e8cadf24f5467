package io.reelgate.uploads;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

import org.springframework.stereotype.Component;

/**
 * The bytes of unfinished uploads, one file per upload named after its id (never after anything a client sent).
 * Only the prefix up to the upload's recorded offset counts; anything after it is cut off before appending.
 */
@Component
class Staging {

	private final Path root;

	Staging(UploadProperties properties) throws IOException {
		this.root = Path.of(properties.stagingDirectory()).toAbsolutePath().normalize();
		Files.createDirectories(root);
	}

	void create(UUID id) throws IOException {
		Files.deleteIfExists(pathOf(id));
		Files.createFile(pathOf(id));
	}

	/** Opens the upload for writing at {@code offset}, dropping bytes past it that were never confirmed. */
	FileChannel appendAt(UUID id, long offset) throws IOException {
		FileChannel channel = FileChannel.open(pathOf(id), StandardOpenOption.WRITE, StandardOpenOption.CREATE);
		try {
			if (channel.size() < offset) {
				throw new IOException("Staged upload " + id + " has " + channel.size() + " bytes, expected " + offset);
			}
			channel.truncate(offset);
			channel.position(offset);
			return channel;
		}
		catch (IOException | RuntimeException ex) {
			channel.close();
			throw ex;
		}
	}

	/** The staged file itself, for the blob store to take over once the upload is complete. */
	Path file(UUID id) {
		return pathOf(id);
	}

	void delete(UUID id) throws IOException {
		Files.deleteIfExists(pathOf(id));
	}

	boolean exists(UUID id) {
		return Files.exists(pathOf(id));
	}

	private Path pathOf(UUID id) {
		return root.resolve(id + ".part");
	}
}
