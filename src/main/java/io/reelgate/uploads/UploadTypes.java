package io.reelgate.uploads;

import java.io.IOException;
import java.util.Optional;
import java.util.UUID;

import io.reelgate.catalog.BundleMedia;
import io.reelgate.catalog.StagedFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An upload's file type, decided by the catalog once its first {@link StagedFile#HEAD_LENGTH} bytes (or all of a
 * shorter file) have arrived, in whichever request that happens and before they are checkpointed, rather than after
 * the last byte of what may be 20 GB. A refused upload takes no more bytes: it is marked so (every later chunk is
 * refused with the same type) and what was staged is deleted at once.
 */
class UploadTypes {

	private static final Logger log = LoggerFactory.getLogger(UploadTypes.class);

	private final BundleMedia media;

	private final UploadSessions sessions;

	private final UploadStaging staging;

	UploadTypes(BundleMedia media, UploadSessions sessions, UploadStaging staging) {
		this.media = media;
		this.sessions = sessions;
		this.staging = staging;
	}

	/**
	 * The check for one request holding the upload's lease with {@code token}.
	 *
	 * @param head where the upload's first bytes are read, once they have arrived
	 * @param refused what the request does with its client before answering a refusal
	 */
	Check check(UploadSession session, UUID token, Head head, Runnable refused) {
		return new Check(session, token, head, refused);
	}

	/** Where the check reads the upload's first bytes. */
	@FunctionalInterface
	interface Head {

		byte[] read(int length) throws IOException;
	}

	final class Check {

		private final UploadSession session;

		private final UUID token;

		private final Head head;

		private final Runnable refused;

		private final long due;

		private boolean done;

		private Check(UploadSession session, UUID token, Head head, Runnable refused) {
			this.session = session;
			this.token = token;
			this.head = head;
			this.refused = refused;
			this.due = Math.min(StagedFile.HEAD_LENGTH, session.length());
			this.done = session.offset() >= due;
		}

		/** Decides the type if the bytes up to {@code position} complete the head; throws 422 if it is refused. */
		void onceArrived(long position) throws IOException {
			if (done || position < due) {
				return;
			}
			done = true;
			Optional<String> type = media.refusedType(session.filename(), head.read(Math.toIntExact(due)));
			if (type.isEmpty()) {
				return;
			}
			// The row first: should the process die before the bytes go, the upload is refused all the same and its
			// staged bytes go when it expires.
			sessions.refuse(session.id(), token, type.get());
			try {
				staging.delete(session);
			}
			catch (IOException | RuntimeException ex) {
				log.warn("Could not delete the staged bytes of refused upload {}; they go when it expires",
						session.id(), ex);
			}
			log.info("Upload {} refused after {} bytes: its type {} may not join a bundle", session.id(), position,
					type.get());
			refused.run();
			throw new UploadException(422, "upload.type", type.get());
		}
	}
}
