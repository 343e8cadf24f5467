package io.reelgate.uploads;

import java.util.UUID;

import io.reelgate.shared.BundleFileId;
import io.reelgate.torrents.UploadedPieceHashes;
import io.reelgate.uploads.PieceHashing.Result;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The BitTorrent piece hashes an upload computes as its bytes arrive ({@link PieceHashing}, in the SHA-256's pass):
 * their state is saved in {@code upload_sessions.piece_state} (V31) after each checkpoint, and a finished upload's
 * hashes go to the torrents module. Whenever the saved state does not cover exactly the upload's durable bytes (an
 * upload begun before V31, bytes recovered after a crash between the checkpoint and this state's save), the upload
 * stops computing them and the torrents module's background job hashes the stored file instead, as it does for
 * every file: nothing here can make an upload fail.
 */
@Component
class UploadPieces {

	private static final Logger log = LoggerFactory.getLogger(UploadPieces.class);

	private final JdbcClient jdbc;

	private final UploadedPieceHashes torrents;

	UploadPieces(JdbcClient jdbc, UploadedPieceHashes torrents) {
		this.jdbc = jdbc;
		this.torrents = torrents;
	}

	/** The piece hashes to go on from at the upload's offset, or null when they are left to the background job. */
	@Nullable PieceHashing resume(UploadSession session) {
		byte[] saved = jdbc.sql("SELECT piece_state FROM upload_sessions WHERE id = ?")
			.param(session.id())
			.query((rs, n) -> rs.getBytes("piece_state"))
			.optional()
			.orElse(null);
		if (saved == null) {
			return session.offset() == 0 ? PieceHashing.start(UploadedPieceHashes.PIECE_LENGTH) : null;
		}
		try {
			PieceHashing pieces = PieceHashing.decode(saved);
			return pieces.length() == session.offset() && pieces.pieceLength() == UploadedPieceHashes.PIECE_LENGTH
					? pieces : null;
		}
		catch (RuntimeException ex) {
			log.warn("Upload {} has an unreadable piece-hash state; its file is hashed after the upload", session.id());
			return null;
		}
	}

	/** Saves the state after a checkpoint, while the request still holds the upload's lease. */
	void checkpointed(UploadSession session, UUID token, @Nullable PieceHashing pieces) {
		if (pieces != null) {
			jdbc.sql("UPDATE upload_sessions SET piece_state = ? WHERE id = ? AND lease_token = ?")
				.params(pieces.encoded(), session.id(), token)
				.update();
		}
	}

	/** Hands a finished upload's hashes to the torrents module; a failure leaves them to its background job. */
	void completed(UploadSession session, BundleFileId file, @Nullable PieceHashing pieces) {
		if (pieces == null || pieces.length() != session.length()) {
			return;
		}
		try {
			Result result = pieces.result();
			torrents.store(file, session.length(), result.pieces(), result.tailAlone(), result.tailPadded());
			jdbc.sql("UPDATE upload_sessions SET piece_state = NULL WHERE id = ?").param(session.id()).update();
		}
		catch (RuntimeException ex) {
			log.warn("Could not store the piece hashes of upload {}; its file is hashed in the background: {}",
					session.id(), ex.toString());
		}
	}
}
