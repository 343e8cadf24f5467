package io.reelgate.uploads;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** One request's bytes on their way into the staged upload: how far they got, and how far is durable. */
final class ChunkWrite {

	private final UploadCheckpoints checkpoints;

	private final UploadSession session;

	private final UUID token;

	private final StagedWrite staged;

	private final Optional<Checksum> checksum;

	/** The whole chunk's digest when the client sent a checksum (then the chunk is all or nothing), else null. */
	private final @Nullable MessageDigest chunkDigest;

	private final PipelinedSha256 digest;

	private final Duration renewEvery;

	private long durable;

	private long position;

	private Instant renewed;

	ChunkWrite(UploadCheckpoints checkpoints, UploadSession session, UUID token, StagedWrite staged,
			Optional<Checksum> checksum, PipelinedSha256 digest) {
		this.checkpoints = checkpoints;
		this.renewEvery = checkpoints.properties.lease().dividedBy(3);
		this.renewed = checkpoints.clock.instant();
		this.session = session;
		this.token = token;
		this.staged = staged;
		this.checksum = checksum;
		this.chunkDigest = checksum.map(Checksum::newDigest).orElse(null);
		this.digest = digest;
		this.durable = session.offset();
		this.position = durable;
	}

	/**
	 * Appends the body and returns the new end. Bytes are made durable in checkpoints, except the very last ones:
	 * the offset reaches the full length only together with the finished file, so that a client never sees a
	 * complete upload whose file could not be added, and sends the tail again instead.
	 */
	long write(InputStream body, UploadTypes types) throws IOException {
		UploadBody reader = new UploadBody(body);
		// Read (and drop) the rest of a refused chunk as large as the uploader's own, so that the client reads the
		// answer rather than a connection reset; a longer body is cut off by the container.
		UploadTypes.Check type = types.check(session, token, staged::head,
				() -> reader.discard(checkpoints.properties.chunkSize().toBytes()));
		try {
			copy(reader, type);
		}
		catch (IOException ex) {
			keepWhatArrived();
			throw new UncheckedIOException("Upload " + session.id() + " was interrupted at " + position, ex);
		}
		verify();
		// A verified chunk's bytes are judged only now: a corrupted head must not refuse a good file.
		type.onceArrived(position);
		if (position > durable && position < session.length()) {
			checkpoints.checkpoint(session, token, staged, position, digest);
		}
		return position;
	}

	/** Copies the body until it ends, in checkpoints unless the chunk is verified as a whole. */
	private void copy(UploadBody reader, UploadTypes.Check type) throws IOException {
		while (true) {
			// Bytes are read into the digest's buffers, stored, and then handed over to be hashed meanwhile.
			byte[] buffer = digest.buffer();
			int read = reader.fill(buffer, Math.min(buffer.length, staged.room()));
			if (read == 0) {
				digest.unused(buffer);
				reader.rethrow();
				return;
			}
			if (position + read > session.length()) {
				staged.discard();
				throw new UploadException(413, "tus.length.exceeded", session.length());
			}
			keepLease();
			store(buffer, read);
			if (chunkDigest == null) {
				type.onceArrived(position);
			}
			if (chunkDigest == null && position < session.length() && staged.checkpointDue(position - durable)) {
				checkpoints.checkpoint(session, token, staged, position, digest);
				durable = position;
				renewed = checkpoints.clock.instant();
			}
			reader.rethrow();
		}
	}

	/** Refuses to write once the lease may have passed to another request or instance; renews it in time. */
	private void keepLease() {
		// Nor once this instance's heartbeat lapsed: another instance may have taken the upload over.
		if (!checkpoints.sessions.leasesHold()) {
			throw new UploadException(503, "tus.busy");
		}
		Instant now = checkpoints.clock.instant();
		if (Duration.between(renewed, now).compareTo(renewEvery) >= 0) {
			// Never write after losing the lease: another request may own the upload by now.
			if (!checkpoints.sessions.renew(session.id(), token, now.plus(checkpoints.properties.lease()))) {
				throw new UploadException(409, "tus.busy");
			}
			renewed = now;
		}
	}

	private void store(byte[] buffer, int read) throws IOException {
		staged.append(buffer, read);
		if (chunkDigest != null) {
			chunkDigest.update(buffer, 0, read);
		}
		digest.update(buffer, read);
		position += read;
	}

	/** The client went away: keep what arrived unless the chunk had to be verified as a whole. */
	private void keepWhatArrived() throws IOException {
		if (chunkDigest == null && position > durable && position < session.length()) {
			checkpoints.checkpoint(session, token, staged, position, digest);
		}
	}

	/** A chunk whose bytes do not match the client's checksum is dropped whole. */
	private void verify() throws IOException {
		if (chunkDigest != null && !checksum.get().matches(chunkDigest)) {
			staged.discard();
			throw new UploadException(UploadException.CHECKSUM_MISMATCH, "tus.checksum.mismatch");
		}
	}
}
