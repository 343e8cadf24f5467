package io.reelgate.uploads;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recovers the bytes a killed request staged past the upload's last checkpoint (kill -9 between two checkpoints
 * leaves them in the staged file): they are hashed forward from the saved SHA-256 state, made durable and recorded,
 * so a killed server loses at most the buffer it had not yet written, not a checkpoint's worth. Only stores that
 * keep such bytes offer them ({@link UploadStaging#unrecorded}); the object store does not.
 */
class StagedBytesRecovery {

	private static final Logger log = LoggerFactory.getLogger(StagedBytesRecovery.class);

	private final UploadSessions sessions;

	private final UploadStaging staging;

	private final UploadTypes types;

	private final UploadProperties properties;

	private final Clock clock;

	StagedBytesRecovery(UploadSessions sessions, UploadStaging staging, UploadTypes types,
			UploadProperties properties, Clock clock) {
		this.sessions = sessions;
		this.staging = staging;
		this.types = types;
		this.properties = properties;
		this.clock = clock;
	}

	/** The upload with whatever could be recovered recorded; as it was if nothing could (or needed to) be. */
	UploadSession recovered(UploadSession session) {
		try {
			// Bytes of a chunk sent with a checksum were never verified: the next request cuts them off instead.
			if (session.completed() || session.refusedType() != null || session.checksumPending()
					|| staging.unrecorded(session) == 0) {
				return session;
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not inspect the staging of upload " + session.id(), ex);
		}
		UUID token = UUID.randomUUID();
		Instant now = clock.instant();
		// The lease tells a killed request's bytes from those of a request still under way, which holds it.
		if (!sessions.claim(session.id(), session.offset(), token, now, now.plus(properties.lease()))) {
			return session;
		}
		try {
			recover(session, token);
		}
		catch (IOException ex) {
			log.warn("Could not recover the bytes staged past the offset of upload {}", session.id(), ex);
		}
		catch (UploadException ex) {
			// Refused for its type while recovering: the row says so now, and is returned below.
			log.debug("Upload {} refused while recovering its staged bytes", session.id(), ex);
		}
		finally {
			sessions.release(session.id(), token);
		}
		return sessions.find(session.id()).orElseThrow(() -> new UploadException(404, "tus.notFound"));
	}

	private void recover(UploadSession session, UUID token) throws IOException {
		// The offset reaches the full length only with the finished file: the client sends the last byte again.
		long end = Math.min(session.offset() + staging.unrecorded(session), session.length() - 1);
		if (end <= session.offset()) {
			return;
		}
		try (UploadStaging.Unrecorded unrecorded = staging.openUnrecorded(session);
				PipelinedSha256 digest = new PipelinedSha256(session.sha256State())) {
			UploadTypes.Check type = types.check(session, token, unrecorded::head, () -> {
			});
			long position = session.offset();
			while (position < end) {
				byte[] buffer = digest.buffer();
				int read = unrecorded.read(buffer, (int) Math.min(buffer.length, end - position));
				if (read == 0) {
					digest.unused(buffer);
					break;
				}
				digest.update(buffer, read);
				position += read;
			}
			type.onceArrived(position);
			unrecorded.sync();
			Instant now = clock.instant();
			if (sessions.checkpoint(session.id(), token, position, digest.encodedState(), StagedWrite.Checkpoint.NONE,
					now.plus(properties.lease()), now.plus(properties.expireAfter()))) {
				log.info("Upload {} recovered {} bytes staged past its last checkpoint", session.id(),
						position - session.offset());
			}
		}
	}
}
