package io.reelgate.torrents;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

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
		long inPiece = hashFrom(file, offset, pieces, sha1);
		// A short last piece has two hashes: alone, for the torrent's last file, and padded with zeros to a full
		// piece, for a file that a BEP 47 padding file follows.
		byte[] alone = inPiece > 0 ? clone(sha1).digest() : null;
		byte[] padded = inPiece > 0 ? paddedDigest(sha1, inPiece) : null;
		FileHashes finished = new FileHashes(file.fileId(), PIECE_LENGTH, file.size(), pieces.toByteArray(), alone,
				padded);
		hashes.save(finished);
		return finished;
	}

	/**
	 * Hashes the file's whole pieces from {@code start} into {@code pieces}, saving progress now and then, and
	 * leaves the last short piece in {@code sha1}; returns that piece's length.
	 */
	private long hashFrom(Unhashed file, long start, ByteArrayOutputStream pieces, MessageDigest sha1)
			throws IOException {
		byte[] buffer = new byte[BUFFER];
		long offset = start;
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
		return inPiece;
	}

	private static byte[] paddedDigest(MessageDigest sha1, long inPiece) {
		byte[] zeros = new byte[BUFFER];
		for (long left = PIECE_LENGTH - inPiece; left > 0; left -= Math.min(left, zeros.length)) {
			sha1.update(zeros, 0, (int) Math.min(left, zeros.length));
		}
		return sha1.digest();
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
