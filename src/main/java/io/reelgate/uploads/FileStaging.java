package io.reelgate.uploads;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.UUID;

import io.reelgate.catalog.StagedFile;
import io.reelgate.storage.BlobStore;
import io.reelgate.storage.MultipartBlobs.Multipart;
import io.reelgate.storage.StoredBlob;
import org.jspecify.annotations.Nullable;

/**
 * Unfinished uploads as local files, one per upload named after its id (never after anything a client sent), in
 * {@code reelgate.uploads.staging-directory}. Bytes past the recorded offset are cut off before appending. With
 * several instances this directory must be a volume they all share.
 */
class FileStaging implements UploadStaging {

	private final Path root;

	private final BlobStore store;

	private final long checkpointBytes;

	FileStaging(UploadProperties properties, BlobStore store) throws IOException {
		this.root = Path.of(properties.stagingDirectory()).toAbsolutePath().normalize();
		this.store = store;
		this.checkpointBytes = properties.checkpoint().toBytes();
		Files.createDirectories(root);
	}

	Path root() {
		return root;
	}

	@Override
	public @Nullable Multipart create(UUID id, long length) throws IOException {
		Files.deleteIfExists(pathOf(id));
		Files.createFile(pathOf(id));
		return null;
	}

	@Override
	public StagedWrite open(UploadSession session) throws IOException {
		Path file = pathOf(session.id());
		FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE,
				StandardOpenOption.CREATE);
		try {
			if (channel.size() < session.offset()) {
				throw new IOException("Staged upload " + session.id() + " has " + channel.size() + " bytes, expected "
						+ session.offset());
			}
			channel.truncate(session.offset());
			channel.position(session.offset());
			return new FileWrite(file, channel, session.offset());
		}
		catch (IOException | RuntimeException ex) {
			channel.close();
			throw ex;
		}
	}

	@Override
	public long unrecorded(UploadSession session) throws IOException {
		Path file = pathOf(session.id());
		return Files.exists(file) ? Math.max(0, Files.size(file) - session.offset()) : 0;
	}

	@Override
	public Unrecorded openUnrecorded(UploadSession session) throws IOException {
		FileChannel channel = FileChannel.open(pathOf(session.id()), StandardOpenOption.READ, StandardOpenOption.WRITE);
		return new Unrecorded() {

			private long position = session.offset();

			@Override
			public int read(byte[] buffer, int length) throws IOException {
				int read = channel.read(ByteBuffer.wrap(buffer, 0, length), position);
				if (read <= 0) {
					return 0;
				}
				position += read;
				return read;
			}

			@Override
			public byte[] head(int length) throws IOException {
				return FileStaging.head(channel, length);
			}

			@Override
			public void sync() throws IOException {
				channel.force(false);
			}

			@Override
			public void close() throws IOException {
				channel.close();
			}
		};
	}

	@Override
	public void delete(UploadSession session) throws IOException {
		Files.deleteIfExists(pathOf(session.id()));
	}

	/** The first bytes of a staged file; positional reads leave the channel's append position where it is. */
	private static byte[] head(FileChannel channel, int length) throws IOException {
		ByteBuffer head = ByteBuffer.allocate(length);
		while (head.hasRemaining() && channel.read(head, head.position()) > 0) {
			// Until the file's end or the length.
		}
		return Arrays.copyOf(head.array(), head.position());
	}

	Path pathOf(UUID id) {
		return root.resolve(id + ".part");
	}

	private final class FileWrite implements StagedWrite {

		private final Path file;

		private final FileChannel channel;

		private long durable;

		FileWrite(Path file, FileChannel channel, long durable) {
			this.file = file;
			this.channel = channel;
			this.durable = durable;
		}

		@Override
		public int room() {
			return Integer.MAX_VALUE;
		}

		@Override
		public void append(byte[] bytes, int length) throws IOException {
			ByteBuffer buffer = ByteBuffer.wrap(bytes, 0, length);
			while (buffer.hasRemaining()) {
				channel.write(buffer);
			}
		}

		@Override
		public boolean checkpointDue(long bytes) {
			return bytes >= checkpointBytes;
		}

		@Override
		public Checkpoint sync() throws IOException {
			channel.force(false);
			return Checkpoint.NONE;
		}

		@Override
		public void synced() {
			try {
				durable = channel.position();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		@Override
		public byte[] head(int length) throws IOException {
			return FileStaging.head(channel, length);
		}

		@Override
		public void discard() throws IOException {
			channel.truncate(durable);
		}

		@Override
		public StagedFile finished(String sha256) throws IOException {
			channel.close();
			// The blob store takes the staged file over (the filesystem store moves it): it is not copied, nor hashed,
			// again.
			return new StagedFile() {
				@Override
				public InputStream head() throws IOException {
					return Files.newInputStream(file);
				}

				@Override
				public StoredBlob store(long maxBytes) throws IOException {
					return store.adopt(file, maxBytes, sha256);
				}
			};
		}

		@Override
		public boolean consumed() {
			return !Files.exists(file);
		}

		@Override
		public void close() throws IOException {
			channel.close();
		}
	}
}
