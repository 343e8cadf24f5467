package io.reelgate.storage.filesystem;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import io.reelgate.storage.BlobStore;
import io.reelgate.storage.BlobTooLargeException;
import io.reelgate.storage.LocalFiles;
import io.reelgate.storage.StoredBlob;

/**
 * Keeps blobs as files under one root directory. A blob is written to a temporary file, forced to disk and then
 * moved atomically into place, so a crash never leaves a half file under a real key. Downloads may be sent from the
 * file itself with sendfile ({@link LocalFiles}).
 */
public class FilesystemBlobStore implements BlobStore, LocalFiles {

	private static final Pattern KEY = Pattern.compile("[0-9a-f]{2}/[0-9a-f]{2}/[0-9a-f-]{36}");

	private static final int BUFFER = 256 * 1024;

	private final Path root;

	private final Path incoming;

	public FilesystemBlobStore(Path root) throws IOException {
		this.root = root.toAbsolutePath().normalize();
		this.incoming = this.root.resolve("incoming");
		Files.createDirectories(incoming);
	}

	@Override
	public StoredBlob store(InputStream content, long maxBytes) throws IOException {
		String key = newKey();
		Path temp = Files.createTempFile(incoming, "upload-", ".part");
		try {
			MessageDigest sha256 = sha256();
			long size = 0;
			try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
					OutputStream out = new DigestOutputStream(Channels.newOutputStream(channel), sha256)) {
				byte[] buffer = new byte[BUFFER];
				int read;
				while ((read = content.read(buffer)) != -1) {
					size += read;
					if (size > maxBytes) {
						throw new BlobTooLargeException(maxBytes);
					}
					out.write(buffer, 0, read);
				}
				out.flush();
				channel.force(true);
			}
			Path target = pathOf(key);
			Files.createDirectories(target.getParent());
			Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
			return new StoredBlob(key, size, HexFormat.of().formatHex(sha256.digest()));
		}
		finally {
			Files.deleteIfExists(temp);
		}
	}

	/**
	 * Moves the file atomically into place when it is on the same filesystem, so a finished upload is not written a
	 * second time, and without reading it: its SHA-256 was computed from the very buffers written to it
	 * (a resumable upload truncates its file to the offset of the last checkpoint, saved with the digest's state,
	 * before it goes on), so it already covers exactly these bytes. Hashing the file again would only check that the
	 * disk gives back what it was given, which a download hashed by the buyer checks too, at the price of a full
	 * pass over up to 50 GB while the uploader waits. Only the size is checked, as the S3 store does. On another
	 * filesystem the file is copied like {@link #store}.
	 */
	@Override
	public StoredBlob adopt(Path file, long maxBytes, String sha256) throws IOException {
		String key = newKey();
		long size = Files.size(file);
		if (size > maxBytes) {
			throw new BlobTooLargeException(maxBytes);
		}
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
			channel.force(true);
		}
		Path target = pathOf(key);
		Files.createDirectories(target.getParent());
		try {
			Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (AtomicMoveNotSupportedException ex) {
			// Another file system: copied, and so hashed on the way, and checked like any copying store does.
			return BlobStore.super.adopt(file, maxBytes, sha256);
		}
		return new StoredBlob(key, size, sha256);
	}


	@Override
	public InputStream open(String key, long offset) throws IOException {
		FileChannel channel = FileChannel.open(pathOf(key), StandardOpenOption.READ);
		channel.position(offset);
		return Channels.newInputStream(channel);
	}

	@Override
	public Optional<Path> localPath(String key) {
		return Optional.of(pathOf(key));
	}

	@Override
	public void delete(String key) throws IOException {
		Files.deleteIfExists(pathOf(key));
	}

	@Override
	public void checkAvailable() throws IOException {
		if (!Files.isDirectory(incoming) || !Files.isWritable(incoming)) {
			throw new IOException("Storage directory " + root + " is missing or not writable");
		}
	}

	private Path pathOf(String key) {
		// Keys are ours, but a corrupted row must never let a read or delete escape the root.
		if (!KEY.matcher(key).matches()) {
			throw new IllegalArgumentException("Not a blob key: " + key);
		}
		return root.resolve(key);
	}

	private static String newKey() {
		String id = UUID.randomUUID().toString();
		return id.substring(0, 2) + "/" + id.substring(2, 4) + "/" + id;
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JDK has SHA-256", ex);
		}
	}
}
