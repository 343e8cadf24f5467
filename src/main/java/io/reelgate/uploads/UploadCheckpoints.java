package io.reelgate.uploads;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Makes an upload's bytes so far durable: the staged bytes synced, then the offset and the SHA-256 state after them
 * written to the database under the request's lease, so a killed server resumes from here on any instance. Also
 * what a request writing bytes needs to keep its lease.
 */
final class UploadCheckpoints {

	final UploadSessions sessions;

	final UploadProperties properties;

	final Clock clock;

	private final UploadPieces pieces;

	UploadCheckpoints(UploadSessions sessions, UploadProperties properties, Clock clock, UploadPieces pieces) {
		this.sessions = sessions;
		this.properties = properties;
		this.clock = clock;
		this.pieces = pieces;
	}

	/** Refused (409) when the lease has passed to another request: its bytes, not these, are the upload's now. */
	void checkpoint(UploadSession session, UUID token, StagedWrite staged, long position, PipelinedSha256 digest)
			throws IOException {
		StagedWrite.Checkpoint recorded = staged.sync();
		Instant now = clock.instant();
		if (!sessions.checkpoint(session.id(), token, position, digest.encodedState(), recorded,
				now.plus(properties.lease()), now.plus(properties.expireAfter()))) {
			throw new UploadException(409, "tus.busy");
		}
		staged.synced();
		pieces.checkpointed(session, token, digest.pieces());
	}
}
