package io.reelgate.uploads;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import io.reelgate.cluster.ClusterInstance;
import io.reelgate.storage.MultipartBlobs.Multipart;
import io.reelgate.storage.MultipartBlobs.Part;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The upload_sessions and upload_parts tables. Every change is one statement or one short transaction, so no
 * transaction is ever open while bytes move; the lease columns make sure only one request at a time appends to an
 * upload. A lease names the instance whose request holds it: when that instance is gone (its heartbeat stopped),
 * the lease no longer blocks, however long it had to run.
 */
@Repository
class UploadSessions {

	private static final String COLUMNS = "id, owner_id, bundle_id, filename, upload_length, upload_offset, "
			+ "sha256_state, completed_file, expires_at, blob_key, multipart_id, part_size";

	/** Nobody holds the lease: never taken, given back, run out, or held by an instance that is gone. */
	private static final String LEASE_FREE = "(lease_token IS NULL OR lease_until < ? "
			+ "OR (lease_instance IS NOT NULL AND NOT lease_instance = ANY (?::uuid[])))";

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final ClusterInstance instance;

	UploadSessions(JdbcClient jdbc, TransactionTemplate transactions, ClusterInstance instance) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.instance = instance;
	}

	void insert(UploadSession session, Instant now) {
		Multipart multipart = session.multipart();
		jdbc.sql("INSERT INTO upload_sessions (" + COLUMNS + ", created_at) "
				+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(session.id(), session.ownerId(), session.bundleId(), session.filename(), session.length(),
					session.offset(), session.sha256State(), session.completedFile(), ts(session.expiresAt()),
					multipart == null ? null : multipart.key(), multipart == null ? null : multipart.uploadId(),
					multipart == null ? null : multipart.partSize(), ts(now))
			.update();
	}

	Optional<UploadSession> find(UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + ", refused_type, checksum_pending FROM upload_sessions WHERE id = ?")
			.param(id)
			.query((rs, row) -> session(rs))
			.optional();
	}

	/** The parts an object-staged upload has stored so far, in order. */
	List<Part> parts(UUID id) {
		return jdbc.sql("SELECT part_number, etag, size FROM upload_parts WHERE upload_id = ? ORDER BY part_number")
			.param(id)
			.query((rs, row) -> new Part(rs.getInt("part_number"), rs.getString("etag"), rs.getLong("size")))
			.list();
	}

	/** The first bytes of an object-staged upload, recorded with its first part; empty before that. */
	byte[] head(UUID id) {
		byte[] head = jdbc.sql("SELECT head FROM upload_sessions WHERE id = ?").param(id)
			.query((rs, row) -> rs.getBytes("head"))
			.optional()
			.orElse(null);
		return head == null ? new byte[0] : head;
	}

	/**
	 * Takes the upload for one request of this instance if it is at {@code offset}, unfinished, and nobody else
	 * holds it.
	 */
	boolean claim(UUID id, long offset, UUID token, Instant now, Instant until) {
		return jdbc.sql("UPDATE upload_sessions SET lease_token = ?, lease_until = ?, lease_instance = ? "
				+ "WHERE id = ? AND upload_offset = ? AND completed_file IS NULL AND expires_at > ? AND " + LEASE_FREE)
			.params(token, ts(until), instance.id(), id, offset, ts(now), ts(now), running())
			.update() == 1;
	}

	/**
	 * Whether this instance's leases still hold: false once the others may count it as gone (its heartbeats did not
	 * reach the database) and take them over, so that its requests stop writing.
	 */
	boolean leasesHold() {
		return instance.alive();
	}

	boolean renew(UUID id, UUID token, Instant until) {
		return jdbc.sql("UPDATE upload_sessions SET lease_until = ? WHERE id = ? AND lease_token = ?")
			.params(ts(until), id, token)
			.update() == 1;
	}

	/**
	 * Records bytes up to {@code offset} as durable, with the digest state after them and, for uploads staged in
	 * object storage, the parts stored since the last checkpoint (and the head, with the first part): all or nothing.
	 */
	boolean checkpoint(UUID id, UUID token, long offset, byte[] sha256State, StagedWrite.Checkpoint staged,
			Instant leaseUntil, Instant expiresAt) {
		return Boolean.TRUE.equals(transactions.execute(status -> {
			if (jdbc.sql("""
					UPDATE upload_sessions SET upload_offset = ?, sha256_state = ?, lease_until = ?, expires_at = ?,
					  head = coalesce(?, head), checksum_pending = FALSE
					WHERE id = ? AND lease_token = ?""")
				.params(offset, sha256State, ts(leaseUntil), ts(expiresAt), staged.head(), id, token)
				.update() != 1) {
				return false;
			}
			for (Part part : staged.parts()) {
				jdbc.sql("INSERT INTO upload_parts (upload_id, part_number, etag, size) VALUES (?, ?, ?, ?)")
					.params(id, part.number(), part.etag(), part.size())
					.update();
			}
			return true;
		}));
	}

	/** The upload is a bundle file now: its offset reaches the full length only here. */
	void complete(UUID id, UUID token, UUID fileId, byte[] sha256State) {
		jdbc.sql("UPDATE upload_sessions SET completed_file = ?, upload_offset = upload_length, sha256_state = ?, "
				+ "lease_token = NULL, lease_until = NULL, multipart_id = NULL, head = NULL "
				+ "WHERE id = ? AND lease_token = ?")
			.params(fileId, sha256State, id, token)
			.update();
		jdbc.sql("DELETE FROM upload_parts WHERE upload_id = ?").param(id).update();
	}

	/** Notes that the request holding {@code token} writes a chunk to be verified against its checksum. */
	void expectChecksum(UUID id, UUID token) {
		jdbc.sql("UPDATE upload_sessions SET checksum_pending = TRUE WHERE id = ? AND lease_token = ?")
			.params(id, token)
			.update();
	}

	/**
	 * Marks the upload held by {@code token} refused for its type: it is back at offset 0 with nothing staged (the
	 * caller deletes the staged bytes next) and takes no more bytes.
	 */
	void refuse(UUID id, UUID token, String type) {
		transactions.executeWithoutResult(status -> {
			jdbc.sql("""
					UPDATE upload_sessions SET refused_type = ?, upload_offset = 0, sha256_state = ?,
					  multipart_id = NULL, head = NULL
					WHERE id = ? AND lease_token = ?""")
				.params(type, Sha256State.INITIAL.encoded(), id, token)
				.update();
			jdbc.sql("DELETE FROM upload_parts WHERE upload_id = ?").param(id).update();
		});
	}

	void release(UUID id, UUID token) {
		jdbc.sql("UPDATE upload_sessions SET lease_token = NULL, lease_until = NULL WHERE id = ? AND lease_token = ?")
			.params(id, token)
			.update();
	}

	/** Deletes the row that the request holding {@code token} is working on. */
	void deleteHeld(UUID id, UUID token) {
		jdbc.sql("DELETE FROM upload_sessions WHERE id = ? AND lease_token = ?").params(id, token).update();
	}

	/** Deletes the row unless a request is writing to it right now. */
	boolean delete(UUID id, Instant now) {
		return jdbc.sql("DELETE FROM upload_sessions WHERE id = ? AND " + LEASE_FREE)
			.params(id, ts(now), running())
			.update() == 1;
	}

	/** Bytes promised by a creator's unfinished, unexpired uploads: they count against the quota already. */
	long pendingBytes(UUID ownerId, Instant now) {
		return jdbc.sql("SELECT coalesce(sum(upload_length), 0) FROM upload_sessions "
				+ "WHERE owner_id = ? AND completed_file IS NULL AND refused_type IS NULL AND expires_at > ?")
			.params(ownerId, ts(now))
			.query(Long.class)
			.single();
	}

	List<UUID> expired(Instant now, int limit) {
		return jdbc.sql("SELECT id FROM upload_sessions WHERE expires_at <= ? ORDER BY expires_at LIMIT ?")
			.params(ts(now), limit)
			.query(UUID.class)
			.list();
	}

	/** The running instances as a PostgreSQL array literal, for {@link #LEASE_FREE}. */
	private String running() {
		return instance.running().stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}"));
	}

	private static UploadSession session(ResultSet rs) throws SQLException {
		String uploadId = rs.getString("multipart_id");
		@Nullable Multipart multipart = uploadId == null ? null
				: new Multipart(rs.getString("blob_key"), uploadId, rs.getLong("part_size"));
		return new UploadSession(rs.getObject("id", UUID.class), rs.getObject("owner_id", UUID.class),
				rs.getObject("bundle_id", UUID.class), rs.getString("filename"), rs.getLong("upload_length"),
				rs.getLong("upload_offset"), rs.getBytes("sha256_state"), rs.getObject("completed_file", UUID.class),
				rs.getTimestamp("expires_at").toInstant(), multipart, rs.getString("refused_type"),
				rs.getBoolean("checksum_pending"));
	}

	private static java.sql.Timestamp ts(Instant instant) {
		return instant == null ? null : java.sql.Timestamp.from(instant);
	}
}
