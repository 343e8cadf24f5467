package io.reelgate.uploads;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import io.reelgate.catalog.StagedFile;
import io.reelgate.storage.MultipartBlobs;
import io.reelgate.storage.MultipartBlobs.Multipart;
import io.reelgate.storage.MultipartBlobs.Part;
import io.reelgate.storage.StoredBlob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Unfinished uploads staged in object storage, so that any instance can continue any upload with nothing shared but
 * the database and the bucket. Creating an upload starts a multipart upload to the blob's final key (parts sized so
 * that 10,000 cover the upload). A request collects bytes in one part-sized buffer and stores each full part as it
 * fills; the parts are recorded in the database at checkpoints. Bytes that do not fill a part when a request ends
 * (or its client goes away) are kept as a small scratch object named after the offset they end at, which the next
 * request, on whichever instance, reads back first. The database row decides what counts: its offset, its recorded
 * parts, and so which scratch object holds the tail; anything stored but not recorded is overwritten or ignored.
 */
class ObjectStaging implements UploadStaging {

	private static final Logger log = LoggerFactory.getLogger(ObjectStaging.class);

	private final MultipartBlobs store;

	private final UploadSessions sessions;

	ObjectStaging(MultipartBlobs store, UploadSessions sessions) {
		this.store = store;
		this.sessions = sessions;
	}

	@Override
	public Multipart create(UUID id, long length) throws IOException {
		return store.start(length);
	}

	@Override
	public StagedWrite open(UploadSession session) throws IOException {
		Multipart multipart = session.multipart();
		if (multipart == null) {
			throw new IllegalStateException("Upload " + session.id() + " is staged in a file, not in the object store");
		}
		List<Part> recorded = sessions.parts(session.id());
		long partsEnd = recorded.stream().mapToLong(Part::size).sum();
		int tail = Math.toIntExact(session.offset() - partsEnd);
		byte[] buffer = new byte[Math.toIntExact(multipart.partSize())];
		if (tail > 0) {
			try (InputStream in = store.openScratch(session.id(), session.offset())) {
				if (in.readNBytes(buffer, 0, tail) != tail) {
					throw new IOException("The tail of upload " + session.id() + " is shorter than " + tail + " bytes");
				}
			}
		}
		byte[] head = recorded.isEmpty() ? null : sessions.head(session.id());
		return new ObjectWrite(session.id(), multipart, recorded, buffer, tail, head, tail > 0 ? session.offset() : -1);
	}

	@Override
	public void delete(UploadSession session) throws IOException {
		if (session.multipart() != null) {
			store.abort(session.multipart());
		}
		store.deleteAllScratch(session.id());
	}

	@Override
	public void completed(UploadSession session) throws IOException {
		store.deleteAllScratch(session.id());
	}

	private final class ObjectWrite implements StagedWrite {

		private final UUID id;

		private final Multipart multipart;

		private final List<Part> recorded;

		private final List<Part> pending = new ArrayList<>();

		private final byte[] buffer;

		private int filled;

		private byte[] head;

		/** The offset whose scratch object holds the recorded tail, or -1 if there is none. */
		private long tailAt;

		/** The offset of a scratch object written but not yet recorded. */
		private long newTailAt = -1;

		private boolean completed;

		ObjectWrite(UUID id, Multipart multipart, List<Part> recorded, byte[] buffer, int filled, byte[] head,
				long tailAt) {
			this.id = id;
			this.multipart = multipart;
			this.recorded = new ArrayList<>(recorded);
			this.buffer = buffer;
			this.filled = filled;
			this.head = head;
			this.tailAt = tailAt;
		}

		@Override
		public int room() {
			return buffer.length - filled;
		}

		@Override
		public void append(byte[] bytes, int length) {
			System.arraycopy(bytes, 0, buffer, filled, length);
			filled += length;
			if (filled == buffer.length) {
				storePart();
			}
		}

		/** Stores the buffer as the next part. A store failure is the server's, not a client gone away. */
		private void storePart() {
			int number = recorded.size() + pending.size() + 1;
			try {
				String etag = store.uploadPart(multipart, number, buffer, filled);
				if (number == 1) {
					head = Arrays.copyOf(buffer, Math.min(filled, StagedFile.HEAD_LENGTH));
				}
				pending.add(new Part(number, etag, filled));
				filled = 0;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		@Override
		public boolean checkpointDue(long bytes) {
			return filled == 0 && !pending.isEmpty();
		}

		@Override
		public Checkpoint sync() throws IOException {
			long end = position();
			if (filled > 0) {
				store.putScratch(id, end, buffer, filled);
				newTailAt = end;
			}
			boolean firstPart = pending.stream().anyMatch(part -> part.number() == 1);
			return new Checkpoint(List.copyOf(pending), firstPart ? head : null);
		}

		@Override
		public void synced() {
			recorded.addAll(pending);
			pending.clear();
			if (tailAt >= 0 && tailAt != newTailAt) {
				deleteQuietly(tailAt);
			}
			tailAt = newTailAt;
			newTailAt = -1;
		}

		@Override
		public byte[] head(int length) {
			// Parts are at least 5 MiB: until the first is stored the head is in the buffer, and then in head.
			boolean inBuffer = recorded.isEmpty() && pending.isEmpty();
			return Arrays.copyOf(inBuffer ? buffer : head, Math.min(length, inBuffer ? filled : head.length));
		}

		@Override
		public void discard() {
			// The request ends here. Parts stored since the last checkpoint were never recorded: the next request
			// stores those part numbers again, which replaces them.
			pending.clear();
			filled = 0;
		}

		@Override
		public StagedFile finished(String sha256) {
			if (filled > 0) {
				storePart();
			}
			List<Part> parts = new ArrayList<>(recorded);
			parts.addAll(pending);
			byte[] first = head;
			return new StagedFile() {
				@Override
				public InputStream head() {
					return new ByteArrayInputStream(first);
				}

				@Override
				public StoredBlob store(long maxBytes) throws IOException {
					StoredBlob blob = ObjectStaging.this.store.complete(multipart, parts, sha256);
					completed = true;
					return blob;
				}
			};
		}

		@Override
		public boolean consumed() {
			return completed;
		}

		@Override
		public void close() {
			// Nothing is open: the buffer is garbage once the request ends.
		}

		private long position() {
			return recorded.stream().mapToLong(Part::size).sum() + pending.stream().mapToLong(Part::size).sum()
					+ filled;
		}

		private void deleteQuietly(long offset) {
			try {
				store.deleteScratch(id, offset);
			}
			catch (IOException ex) {
				log.warn("Could not delete an old tail of upload {}; it goes with the upload", id, ex);
			}
		}
	}
}
