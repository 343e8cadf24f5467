package io.reelgate.torrents;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

import io.reelgate.storage.BlobStore;
import io.reelgate.torrents.PieceHashes.FileHashes;
import io.reelgate.torrents.PieceHashes.Unhashed;

import org.springframework.stereotype.Component;

/**
 * Computes one file's piece hashes from the store, streaming it through a fixed buffer, and saves progress every
 * few pieces so that a restart (on any instance) resumes from the last saved piece instead of the start. Pieces
 * start at the file's first byte, because BEP 47 pad files put every file on a piece boundary.
 */
@Component
class PieceHasher {

	/** 4 MiB: few enough pieces for a film's metainfo to stay small, fine enough for peers to trade early. */
	static final int PIECE_LENGTH = 4 * 1024 * 1024;

	private static final int BUFFER = 256 * 1024;

	private static final int SAVE_EVERY_PIECES = 16;

	private static final int HASH_LENGTH = 20;

	private final BlobStore store;

	private final PieceHashes hashes;

	PieceHasher(BlobStore store, PieceHashes hashes) {
		this.store = store;
		this.hashes = hashes;
	}

	/** Hashes what is left of the file; no database transaction is held while the store is read. */
	FileHashes hash(Unhashed file) throws IOException {
		FileHashes done = hashes.of(file.fileId())
			.filter(h -> h.pieceLength() == PIECE_LENGTH && h.hashedBytes() <= file.size())
			.orElse(new FileHashes(file.fileId(), PIECE_LENGTH, 0, new byte[0], null, null));
		if (done.completeFor(file.size(), PIECE_LENGTH)) {
			return done;
		}
		// Progress is saved only at piece boundaries, with exactly the pieces before it.
		long offset = done.hashedBytes() / PIECE_LENGTH * PIECE_LENGTH;
		if (done.pieces().length < offset / PIECE_LENGTH * HASH_LENGTH) {
			offset = 0;
		}
		ByteArrayOutputStream pieces = new ByteArrayOutputStream();
		pieces.write(done.pieces(), 0, (int) (offset / PIECE_LENGTH * HASH_LENGTH));
		MessageDigest sha1 = sha1();
		byte[] buffer = new byte[BUFFER];
		long inPiece = 0;
		int sinceSave = 0;
		try (InputStream in = store.open(file.storageKey(), offset)) {
			while (offset < file.size()) {
				int read = in.read(buffer, 0, (int) Math.min(buffer.length, Math.min(PIECE_LENGTH - inPiece,
						file.size() - offset)));
				if (read < 0) {
					throw new EOFException("The blob ended " + (file.size() - offset) + " bytes before the file's size");
				}
				sha1.update(buffer, 0, read);
				offset += read;
				inPiece += read;
				if (inPiece == PIECE_LENGTH) {
					pieces.writeBytes(sha1.digest());
					inPiece = 0;
					if (++sinceSave == SAVE_EVERY_PIECES && offset < file.size()) {
						hashes.save(new FileHashes(file.fileId(), PIECE_LENGTH, offset, pieces.toByteArray(), null, null));
						sinceSave = 0;
					}
				}
			}
		}
		byte[] alone = null;
		byte[] padded = null;
		if (inPiece > 0) {
			alone = clone(sha1).digest();
			Arrays.fill(buffer, (byte) 0);
			for (long zeros = PIECE_LENGTH - inPiece; zeros > 0; zeros -= Math.min(zeros, buffer.length)) {
				sha1.update(buffer, 0, (int) Math.min(zeros, buffer.length));
			}
			padded = sha1.digest();
		}
		FileHashes finished = new FileHashes(file.fileId(), PIECE_LENGTH, file.size(), pieces.toByteArray(), alone,
				padded);
		hashes.save(finished);
		return finished;
	}

	private static MessageDigest sha1() {
		try {
			return MessageDigest.getInstance("SHA-1");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JDK has SHA-1", ex);
		}
	}

	private static MessageDigest clone(MessageDigest digest) {
		try {
			return (MessageDigest) digest.clone();
		}
		catch (CloneNotSupportedException ex) {
			throw new IllegalStateException("The JDK's SHA-1 is cloneable", ex);
		}
	}
}
