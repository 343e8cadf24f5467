package io.reelgate.torrents;

import io.reelgate.shared.BundleFileId;
import io.reelgate.torrents.PieceHashes.FileHashes;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * For the uploads module, which computes a file's BitTorrent piece hashes while the file arrives (in the same pass
 * as its SHA-256): stores them, so that {@link PieceHashJob} has nothing left to do for that file. Pieces start at
 * the file's first byte, as BEP 47 pad files put every file on a piece boundary.
 */
@Component
public class UploadedPieceHashes {

	/** The piece length of every torrent (see {@link PieceHasher#PIECE_LENGTH}). */
	public static final int PIECE_LENGTH = PieceHasher.PIECE_LENGTH;

	private final PieceHashes hashes;

	UploadedPieceHashes(PieceHashes hashes) {
		this.hashes = hashes;
	}

	/**
	 * Stores a whole file's hashes.
	 *
	 * @param pieces the SHA-1 of each full piece, 20 bytes each
	 * @param tailAlone the SHA-1 of the last partial piece, or null when the size is a multiple of the piece length
	 * @param tailPadded the same piece padded with zeros to the piece length
	 */
	public void store(BundleFileId file, long size, byte[] pieces, byte @Nullable [] tailAlone,
			byte @Nullable [] tailPadded) {
		if (pieces.length != size / PIECE_LENGTH * 20 || (tailAlone == null) != (size % PIECE_LENGTH == 0)
				|| (tailAlone == null) != (tailPadded == null)) {
			throw new IllegalArgumentException("Piece hashes that do not fit a file of " + size + " bytes");
		}
		hashes.save(new FileHashes(file.value(), PIECE_LENGTH, size, pieces, tailAlone, tailPadded));
	}
}
