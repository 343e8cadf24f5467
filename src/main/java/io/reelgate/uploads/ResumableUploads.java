package io.reelgate.uploads;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.reelgate.catalog.BundleMedia;
import io.reelgate.catalog.FileNames;
import io.reelgate.catalog.FileView;
import io.reelgate.catalog.UploadLimits;
import io.reelgate.shared.AccountId;
import io.reelgate.shared.BundleId;
import io.reelgate.storage.MultipartBlobs.Multipart;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Resumable uploads (the server side of tus 1.0). Bytes are appended to the upload's staging area (a local file, or
 * the object store's multipart upload, see {@link UploadStaging}); at checkpoints (and when the client goes away)
 * they are made durable there and the offset and SHA-256 state after them are written to the database, so a killed
 * server resumes from the last durable byte, on any instance, without rereading the bytes. A complete
 * upload becomes a bundle file through the catalog, which stores it and checks its size and SHA-256 against what
 * arrived. Only the creator who started an upload can see, continue or end it; to anyone else it does not exist.
 */
@Service
@PreAuthorize("hasRole('CREATOR')")
public class ResumableUploads {

	private static final Logger log = LoggerFactory.getLogger(ResumableUploads.class);

	private final UploadSessions sessions;

	private final UploadStaging staging;

	private final BundleMedia media;

	private final UploadLimits limits;

	private final UploadProperties properties;

	private final Clock clock;

	private final UploadTypes types;

	private final StagedBytesRecovery recovery;

	private final UploadPieces pieces;

	/** Requests writing bytes right now on this instance ({@code reelgate.uploads.in.flight}). */
	private final AtomicInteger inFlight = new AtomicInteger();

	/** Bytes appended to uploads ({@code reelgate.uploads.bytes.received}). */
	private final Counter bytesReceived;

	ResumableUploads(UploadSessions sessions, UploadStaging staging, BundleMedia media, UploadLimits limits,
			UploadProperties properties, Clock clock, UploadPieces pieces, MeterRegistry meters) {
		this.sessions = sessions;
		this.pieces = pieces;
		this.staging = staging;
		this.media = media;
		this.limits = limits;
		this.properties = properties;
		this.clock = clock;
		this.types = new UploadTypes(media, sessions, staging);
		this.recovery = new StagedBytesRecovery(sessions, staging, types, properties, clock);
		this.bytesReceived = meters.counter("reelgate.uploads.bytes.received");
		meters.gauge("reelgate.uploads.in.flight", inFlight);
		if (ResumableSha256.jdk()) {
			log.info("Uploads are hashed with {}", ResumableSha256.engine());
		}
		else {
			log.warn("Uploads are hashed with {}", ResumableSha256.engine());
		}
	}

	/** The largest upload accepted, for {@code Tus-Max-Size}. */
	public long maxSize() {
		return limits.maxFileSize().toBytes();
	}

	/**
	 * Starts an upload of {@code length} bytes into a bundle. Refused before any byte is stored when the length is
	 * over the file size limit, would take the creator past their storage quota (counting their other unfinished
	 * uploads), or the bundle cannot take another file.
	 */
	public UploadStatus create(AccountId owner, BundleId bundle, String filename, long length) {
		if (length <= 0) {
			throw new UploadException(400, "upload.empty");
		}
		if (length > maxSize()) {
			throw new UploadException(413, "upload.tooLarge", limits.maxFileSize().toMegabytes());
		}
		media.assertCanAddFile(owner, bundle);
		Instant now = clock.instant();
		long quota = limits.storageQuota().toBytes();
		if (limits.storageUsedBy(owner) + sessions.pendingBytes(owner.value(), now) + length > quota) {
			throw new UploadException(413, "upload.quota", limits.storageQuota().toMegabytes());
		}
		UUID id = UUID.randomUUID();
		Multipart multipart;
		try {
			multipart = staging.create(id, length);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not prepare the staging of an upload", ex);
		}
		UploadSession session = new UploadSession(id, owner.value(), bundle.value(), FileNames.displayName(filename),
				length, 0, Sha256State.INITIAL.encoded(), null, now.plus(properties.expireAfter()), multipart, null, false);
		try {
			sessions.insert(session, now);
		}
		catch (RuntimeException ex) {
			deleteStaged(session);
			throw ex;
		}
		return status(session);
	}

	/**
	 * The upload's state for the client to resume from (tus HEAD). Bytes that a killed request staged past the last
	 * checkpoint are recovered first, when the store keeps them and nobody holds the upload: hashed forward from the
	 * saved digest state, made durable and recorded, so a killed server loses at most what it had not yet written.
	 */
	public UploadStatus status(AccountId owner, UUID id) {
		return status(recovery.recovered(owned(owner, id)));
	}

	/**
	 * Appends a chunk that the client says starts at {@code offset}, returning the new offset. A chunk with a
	 * checksum is all or nothing; without one, whatever arrived before a dropped connection is kept.
	 */
	public long append(AccountId owner, UUID id, long offset, InputStream body, Optional<Checksum> checksum) {
		UploadSession session = owned(owner, id);
		if (session.completed()) {
			return offsetOfCompleted(session, offset, body);
		}
		if (session.refusedType() != null) {
			throw new UploadException(422, "upload.type", session.refusedType());
		}
		if (offset != session.offset()) {
			throw new UploadException(409, "tus.offset.mismatch", session.offset());
		}
		UUID token = claim(session, checksum);
		inFlight.incrementAndGet();
		try (StagedWrite staged = staging.open(session);
				PipelinedSha256 digest = new PipelinedSha256(session.sha256State(), pieces.resume(session))) {
			long end = write(session, token, staged, body, checksum, digest);
			bytesReceived.increment(end - offset);
			if (end == session.length()) {
				finish(session, token, staged, digest);
			}
			return end;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not stage upload " + id, ex);
		}
		finally {
			inFlight.decrementAndGet();
			sessions.release(id, token);
		}
	}

	/** A PATCH to a finished upload: a repeated empty one learns the offset again; bytes past the end are refused. */
	private long offsetOfCompleted(UploadSession session, long offset, InputStream body) {
		if (offset != session.length()) {
			throw new UploadException(409, "tus.offset.mismatch", session.length());
		}
		// Bytes past the end would be lost without a word.
		if (hasBytes(body)) {
			throw new UploadException(409, "tus.completed");
		}
		return session.length();
	}

	/** Takes the upload's lease for this request, or refuses it while another request holds it. */
	private UUID claim(UploadSession session, Optional<Checksum> checksum) {
		UUID token = UUID.randomUUID();
		Instant now = clock.instant();
		if (!sessions.claim(session.id(), session.offset(), token, now, now.plus(properties.lease()))) {
			// A 503 with Retry-After, which every tus client retries: the holder finishes, or its instance is found
			// gone within seconds. tus-js-client before 2.x gave up on any 4xx, 409 included.
			throw new UploadException(503, "tus.busy");
		}
		if (checksum.isPresent()) {
			sessions.expectChecksum(session.id(), token);
		}
		return token;
	}

	/** Ends an upload and deletes its bytes (tus termination). */
	public void terminate(AccountId owner, UUID id) {
		UploadSession session = owned(owner, id);
		if (!sessions.delete(session.id(), clock.instant())) {
			throw new UploadException(409, "tus.busy");
		}
		deleteStaged(session);
	}

	/**
	 * Appends the body and returns the new end. Bytes are made durable in checkpoints, except the very last ones:
	 * the offset reaches the full length only together with the finished file, so that a client never sees a
	 * complete upload whose file could not be added, and sends the tail again instead.
	 */
	private long write(UploadSession session, UUID token, StagedWrite staged, InputStream body,
			Optional<Checksum> checksum, PipelinedSha256 digest) throws IOException {
		ChunkWrite chunk = new ChunkWrite(session, token, staged, checksum, digest);
		Body reader = new Body(body);
		// Read (and drop) the rest of a refused chunk as large as the uploader's own, so that the client reads the
		// answer rather than a connection reset; a longer body is cut off by the container.
		UploadTypes.Check type = types.check(session, token, staged::head,
				() -> reader.discard(properties.chunkSize().toBytes()));
		try {
			chunk.copy(reader, type);
		}
		catch (IOException ex) {
			chunk.keepWhatArrived();
			throw new UncheckedIOException("Upload " + session.id() + " was interrupted at " + chunk.position, ex);
		}
		chunk.verify();
		// A verified chunk's bytes are judged only now: a corrupted head must not refuse a good file.
		type.onceArrived(chunk.position);
		if (chunk.position > chunk.durable && chunk.position < session.length()) {
			checkpoint(session, token, staged, chunk.position, digest);
		}
		return chunk.position;
	}

	/** One request's bytes on their way into the staged upload: how far they got, and how far is durable. */
	private final class ChunkWrite {

		private final UploadSession session;

		private final UUID token;

		private final StagedWrite staged;

		private final Optional<Checksum> checksum;

		/** The whole chunk's digest when the client sent a checksum (then the chunk is all or nothing), else null. */
		private final @Nullable MessageDigest chunkDigest;

		private final PipelinedSha256 digest;

		private final Duration renewEvery = properties.lease().dividedBy(3);

		private long durable;

		private long position;

		private Instant renewed = clock.instant();

		ChunkWrite(UploadSession session, UUID token, StagedWrite staged, Optional<Checksum> checksum,
				PipelinedSha256 digest) {
			this.session = session;
			this.token = token;
			this.staged = staged;
			this.checksum = checksum;
			this.chunkDigest = checksum.map(Checksum::newDigest).orElse(null);
			this.digest = digest;
			this.durable = session.offset();
			this.position = durable;
		}

		/** Copies the body until it ends, in checkpoints unless the chunk is verified as a whole. */
		void copy(Body reader, UploadTypes.Check type) throws IOException {
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
					checkpoint(session, token, staged, position, digest);
					durable = position;
					renewed = clock.instant();
				}
				reader.rethrow();
			}
		}

		/** Refuses to write once the lease may have passed to another request or instance; renews it in time. */
		private void keepLease() {
			// Nor once this instance's heartbeat lapsed: another instance may have taken the upload over.
			if (!sessions.leasesHold()) {
				throw new UploadException(503, "tus.busy");
			}
			Instant now = clock.instant();
			if (Duration.between(renewed, now).compareTo(renewEvery) >= 0) {
				// Never write after losing the lease: another request may own the upload by now.
				if (!sessions.renew(session.id(), token, now.plus(properties.lease()))) {
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
		void keepWhatArrived() throws IOException {
			if (chunkDigest == null && position > durable && position < session.length()) {
				checkpoint(session, token, staged, position, digest);
			}
		}

		/** A chunk whose bytes do not match the client's checksum is dropped whole. */
		void verify() throws IOException {
			if (chunkDigest != null && !checksum.get().matches(chunkDigest)) {
				staged.discard();
				throw new UploadException(UploadException.CHECKSUM_MISMATCH, "tus.checksum.mismatch");
			}
		}
	}

	private void checkpoint(UploadSession session, UUID token, StagedWrite staged, long position,
			PipelinedSha256 digest) throws IOException {
		StagedWrite.Checkpoint recorded = staged.sync();
		Instant now = clock.instant();
		if (!sessions.checkpoint(session.id(), token, position, digest.encodedState(), recorded,
				now.plus(properties.lease()), now.plus(properties.expireAfter()))) {
			throw new UploadException(409, "tus.busy");
		}
		staged.synced();
		pieces.checkpointed(session, token, digest.pieces());
	}

	private void finish(UploadSession session, UUID token, StagedWrite staged, PipelinedSha256 digest)
			throws IOException {
		String sha256 = HexFormat.of().formatHex(digest.hash());
		FileView file;
		try {
			file = media.addVerifiedFile(new AccountId(session.ownerId()), new BundleId(session.bundleId()),
					session.filename(), staged.finished(sha256), session.length(), sha256);
		}
		catch (RuntimeException ex) {
			if (staged.consumed()) {
				// The store took the bytes and then refused them: nothing is left to resume from.
				sessions.deleteHeld(session.id(), token);
			}
			throw ex;
		}
		sessions.complete(session.id(), token, file.id().value(), digest.encodedState());
		pieces.completed(session, file.id(), digest.pieces());
		try {
			staging.completed(session);
		}
		catch (IOException | RuntimeException ex) {
			log.warn("Could not delete what was left staged of upload {}", session.id(), ex);
		}
		log.info("Upload {} of {} bytes became file {} of bundle {}", session.id(), session.length(),
				file.id().value(), session.bundleId());
	}

	private UploadSession owned(AccountId owner, UUID id) {
		UploadSession session = sessions.find(id)
			.filter(s -> s.ownerId().equals(owner.value()))
			.orElseThrow(() -> new UploadException(404, "tus.notFound"));
		if (session.expired(clock.instant())) {
			throw new UploadException(410, "tus.expired");
		}
		return session;
	}

	private static boolean hasBytes(InputStream body) {
		try {
			return body.read() != -1;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read a chunk", ex);
		}
	}

	private static UploadStatus status(UploadSession session) {
		return new UploadStatus(session.id(), session.bundleId(), session.filename(), session.length(),
				session.completed() ? session.length() : session.offset(), session.expiresAt());
	}

	private void deleteStaged(UploadSession session) {
		try {
			staging.delete(session);
		}
		catch (IOException | RuntimeException ex) {
			log.warn("Could not delete the staged bytes of upload {}", session.id(), ex);
		}
	}

	/**
	 * The request body, read a buffer at a time: the servlet stream returns what one socket read brought (a few KiB),
	 * and a file write and a handover to the digest for each of those cost more than the bytes (uploads ran at half
	 * the speed). When the client goes away mid-buffer, the bytes that did arrive are returned first and the failure
	 * afterwards, so that they are kept.
	 */
	private static final class Body {

		private final InputStream in;

		private @Nullable IOException failure;

		Body(InputStream in) {
			this.in = in;
		}

		/** Reads until {@code length} bytes, the end of the body or a failure; 0 only at the end or after a failure. */
		int fill(byte[] buffer, int length) {
			int filled = 0;
			while (filled < length && failure == null) {
				try {
					int read = in.read(buffer, filled, length - filled);
					if (read == -1) {
						break;
					}
					filled += read;
				}
				catch (IOException ex) {
					failure = ex;
				}
			}
			return filled;
		}

		/** Reads and drops up to {@code max} more bytes, stopping quietly at the end or a failure. */
		void discard(long max) {
			byte[] scratch = new byte[8192];
			long left = max;
			try {
				int read;
				while (left > 0 && failure == null
						&& (read = in.read(scratch, 0, (int) Math.min(scratch.length, left))) != -1) {
					left -= read;
				}
			}
			catch (IOException ex) {
				failure = ex;
			}
		}

		/** Throws the failure that ended the last fill, if one did. */
		void rethrow() throws IOException {
			if (failure != null) {
				throw failure;
			}
		}
	}
}
