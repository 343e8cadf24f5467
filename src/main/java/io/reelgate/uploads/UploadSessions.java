package io.reelgate.uploads;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The upload_sessions table. Every change is one statement, so no transaction is ever open while bytes move; the
 * lease columns make sure only one request at a time appends to an upload.
 */
@Repository
class UploadSessions {

	private static final String COLUMNS = "id, owner_id, bundle_id, filename, upload_length, upload_offset, "
			+ "sha256_state, completed_file, expires_at";

	private final JdbcClient jdbc;

	UploadSessions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(UploadSession session, Instant now) {
		jdbc.sql("INSERT INTO upload_sessions (" + COLUMNS + ", created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(session.id(), session.ownerId(), session.bundleId(), session.filename(), session.length(),
					session.offset(), session.sha256State(), session.completedFile(), ts(session.expiresAt()), ts(now))
			.update();
	}

	Optional<UploadSession> find(UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM upload_sessions WHERE id = ?")
			.param(id)
			.query((rs, row) -> new UploadSession(rs.getObject("id", UUID.class), rs.getObject("owner_id", UUID.class),
					rs.getObject("bundle_id", UUID.class), rs.getString("filename"), rs.getLong("upload_length"),
					rs.getLong("upload_offset"), rs.getBytes("sha256_state"),
					rs.getObject("completed_file", UUID.class), rs.getTimestamp("expires_at").toInstant()))
			.optional();
	}

	/** Takes the upload for one request if it is at {@code offset}, unfinished, and nobody else holds it. */
	boolean claim(UUID id, long offset, UUID token, Instant now, Instant until) {
		return jdbc.sql("""
				UPDATE upload_sessions SET lease_token = ?, lease_until = ?
				WHERE id = ? AND upload_offset = ? AND completed_file IS NULL AND expires_at > ?
				  AND (lease_token IS NULL OR lease_until < ?)""")
			.params(token, ts(until), id, offset, ts(now), ts(now))
			.update() == 1;
	}

	boolean renew(UUID id, UUID token, Instant until) {
		return jdbc.sql("UPDATE upload_sessions SET lease_until = ? WHERE id = ? AND lease_token = ?")
			.params(ts(until), id, token)
			.update() == 1;
	}

	/** Records bytes up to {@code offset} as durable, with the digest state after them. */
	boolean checkpoint(UUID id, UUID token, long offset, byte[] sha256State, Instant leaseUntil, Instant expiresAt) {
		return jdbc.sql("""
				UPDATE upload_sessions SET upload_offset = ?, sha256_state = ?, lease_until = ?, expires_at = ?
				WHERE id = ? AND lease_token = ?""")
			.params(offset, sha256State, ts(leaseUntil), ts(expiresAt), id, token)
			.update() == 1;
	}

	/** The upload is a bundle file now: its offset reaches the full length only here. */
	void complete(UUID id, UUID token, UUID fileId, byte[] sha256State) {
		jdbc.sql("UPDATE upload_sessions SET completed_file = ?, upload_offset = upload_length, sha256_state = ?, "
				+ "lease_token = NULL, lease_until = NULL WHERE id = ? AND lease_token = ?")
			.params(fileId, sha256State, id, token)
			.update();
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
		return jdbc.sql("DELETE FROM upload_sessions WHERE id = ? AND (lease_token IS NULL OR lease_until < ?)")
			.params(id, ts(now))
			.update() == 1;
	}

	/** Bytes promised by a creator's unfinished, unexpired uploads: they count against the quota already. */
	long pendingBytes(UUID ownerId, Instant now) {
		return jdbc.sql("SELECT coalesce(sum(upload_length), 0) FROM upload_sessions "
				+ "WHERE owner_id = ? AND completed_file IS NULL AND expires_at > ?")
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

	private static java.sql.Timestamp ts(Instant instant) {
		return instant == null ? null : java.sql.Timestamp.from(instant);
	}
}
