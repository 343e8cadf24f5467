package io.reelgate.uploads;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;

import org.bouncycastle.crypto.digests.SHA1Digest;
import org.jspecify.annotations.Nullable;

/**
 * An upload's BitTorrent piece hashes in progress: the SHA-1 of each full piece so far and the state of the piece
 * not yet complete, which {@link #encoded()} writes with each checkpoint (as the SHA-256 state is) so that another
 * request, a restarted server or another instance goes on from there. Bouncy Castle's SHA-1, because its state can
 * be saved and restored; the JDK's cannot.
 * <p>
 * Encoded (version 1): {@code 'P' 'C' 'S' 0x01}, the piece length (32 bits), the bytes taken in (64 bits), the
 * full pieces' hashes (20 bytes each, as many as the length says), then Bouncy Castle's encoded SHA-1 state.
 */
final class PieceHashing {

	private static final byte[] MAGIC = { 'P', 'C', 'S', 1 };

	private static final int HASH = 20;

	private final int pieceLength;

	private final ByteArrayOutputStream pieces;

	private final SHA1Digest current;

	private long length;

	private PieceHashing(int pieceLength, long length, byte[] pieces, SHA1Digest current) {
		if (pieceLength <= 0 || pieces.length != length / pieceLength * HASH) {
			throw new IllegalArgumentException("Not a piece-hash state: " + length + " bytes, " + pieces.length
					+ " bytes of hashes");
		}
		this.pieceLength = pieceLength;
		this.length = length;
		this.pieces = new ByteArrayOutputStream(pieces.length + HASH * 16);
		this.pieces.writeBytes(pieces);
		this.current = current;
	}

	static PieceHashing start(int pieceLength) {
		return new PieceHashing(pieceLength, 0, new byte[0], new SHA1Digest());
	}

	static PieceHashing decode(byte[] encoded) {
		ByteBuffer in = ByteBuffer.wrap(encoded);
		byte[] magic = new byte[MAGIC.length];
		in.get(magic);
		if (!Arrays.equals(magic, MAGIC)) {
			throw new IllegalArgumentException("Not a piece-hash state");
		}
		int pieceLength = in.getInt();
		long length = in.getLong();
		byte[] pieces = new byte[Math.toIntExact(length / pieceLength * HASH)];
		in.get(pieces);
		byte[] digest = new byte[in.remaining()];
		in.get(digest);
		return new PieceHashing(pieceLength, length, pieces, new SHA1Digest(digest));
	}

	byte[] encoded() {
		byte[] digest = current.getEncodedState();
		return ByteBuffer.allocate(MAGIC.length + 4 + 8 + pieces.size() + digest.length)
			.put(MAGIC)
			.putInt(pieceLength)
			.putLong(length)
			.put(pieces.toByteArray())
			.put(digest)
			.array();
	}

	int pieceLength() {
		return pieceLength;
	}

	/** How many bytes have been hashed. */
	long length() {
		return length;
	}

	void update(byte[] bytes, int offset, int count) {
		while (count > 0) {
			int inPiece = (int) (length % pieceLength);
			int n = Math.min(count, pieceLength - inPiece);
			current.update(bytes, offset, n);
			length += n;
			offset += n;
			count -= n;
			if (length % pieceLength == 0) {
				byte[] hash = new byte[HASH];
				current.doFinal(hash, 0);
				pieces.writeBytes(hash);
			}
		}
	}

	/** The hashes of a file that ends here. */
	Result result() {
		int inPiece = (int) (length % pieceLength);
		if (inPiece == 0) {
			return new Result(pieces.toByteArray(), null, null);
		}
		SHA1Digest alone = new SHA1Digest(current);
		byte[] tailAlone = new byte[HASH];
		alone.doFinal(tailAlone, 0);
		SHA1Digest padded = new SHA1Digest(current);
		byte[] zeros = new byte[64 * 1024];
		for (long left = pieceLength - inPiece; left > 0; left -= Math.min(left, zeros.length)) {
			padded.update(zeros, 0, (int) Math.min(left, zeros.length));
		}
		byte[] tailPadded = new byte[HASH];
		padded.doFinal(tailPadded, 0);
		return new Result(pieces.toByteArray(), tailAlone, tailPadded);
	}

	/** A whole file's piece hashes, as {@code UploadedPieceHashes} stores them. */
	record Result(byte[] pieces, byte @Nullable [] tailAlone, byte @Nullable [] tailPadded) {
	}
}
