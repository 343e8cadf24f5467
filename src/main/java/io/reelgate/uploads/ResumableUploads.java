package io.reelgate.uploads;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
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

	private final UploadCheckpoints checkpoints;

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
		this.checkpoints = new UploadCheckpoints(sessions, properties, clock, pieces);
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
			long end = new ChunkWrite(checkpoints, session, token, staged, checksum, digest).write(body, types);
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
}
