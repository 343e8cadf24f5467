package io.reelgate.uploads;

import java.nio.ByteBuffer;
import java.util.Arrays;

import org.bouncycastle.crypto.CryptoServicePurpose;

/**
 * What a SHA-256 computation in progress amounts to, whichever code computes it: the eight words of the hash so far
 * (H0..H7), the number of bytes taken in, and the bytes of the block not yet complete ({@code length % 64} of them).
 * An upload saves it with each checkpoint, so any instance can go on hashing from there without rereading the bytes.
 * <p>
 * Encoded (version 1), big-endian: {@code 'S' 'H' 'A' 0x01}, the eight 32-bit words H0..H7, the 64-bit byte count,
 * then the {@code count % 64} pending bytes; 44 to 107 bytes. Rows written before this format hold Bouncy Castle's
 * own encoding of its {@code SHA256Digest} (its {@code getEncodedState()}): it starts with a 4-byte buffer of the
 * current word, of which at most 3 bytes are ever used, so its fourth byte is always 0, while ours is the version
 * (never 0). Both are read; only ours is written.
 */
record Sha256State(int[] hash, long length, byte[] pending) {

	static final Sha256State INITIAL = new Sha256State(new int[] { 0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
			0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19 }, 0, new byte[0]);

	private static final byte[] MAGIC = { 'S', 'H', 'A' };

	private static final byte VERSION = 1;

	private static final int HEADER = 4 + 8 * 4 + 8;

	Sha256State {
		if (hash.length != 8 || length < 0 || pending.length != (int) (length % 64)) {
			throw new IllegalArgumentException("Not a SHA-256 state: " + length + " bytes with " + pending.length
					+ " pending");
		}
		hash = hash.clone();
		pending = pending.clone();
	}

	@Override
	public int[] hash() {
		return hash.clone();
	}

	@Override
	public byte[] pending() {
		return pending.clone();
	}

	byte[] encoded() {
		ByteBuffer out = ByteBuffer.allocate(HEADER + pending.length).put(MAGIC).put(VERSION);
		for (int word : hash) {
			out.putInt(word);
		}
		return out.putLong(length).put(pending).array();
	}

	static Sha256State decode(byte[] encoded) {
		if (encoded.length >= 4 && encoded[3] == 0) {
			return fromBouncyCastle(encoded);
		}
		ByteBuffer in = ByteBuffer.wrap(encoded);
		if (encoded.length < HEADER || !Arrays.equals(encoded, 0, MAGIC.length, MAGIC, 0, MAGIC.length)
				|| encoded[MAGIC.length] != VERSION) {
			throw new IllegalArgumentException("Unknown encoding of a SHA-256 state");
		}
		in.position(MAGIC.length + 1);
		int[] hash = new int[8];
		for (int i = 0; i < hash.length; i++) {
			hash[i] = in.getInt();
		}
		long length = in.getLong();
		byte[] pending = new byte[in.remaining()];
		in.get(pending);
		return new Sha256State(hash, length, pending);
	}

	/**
	 * Reads Bouncy Castle's encoding (SHA256Digest and GeneralDigest in bcprov 1.85): bytes 0-3 the current word's
	 * bytes, of which the int at 4 says how many are used, the byte count as a long at 8, H1..H8 at 16-47, at 48 the
	 * number of complete words of the block, those words from 52, and a last byte for the digest's purpose.
	 */
	static Sha256State fromBouncyCastle(byte[] encoded) {
		ByteBuffer in = ByteBuffer.wrap(encoded);
		int partialWord = in.getInt(4);
		long length = in.getLong(8);
		int[] hash = new int[8];
		for (int i = 0; i < hash.length; i++) {
			hash[i] = in.getInt(16 + 4 * i);
		}
		int words = in.getInt(48);
		if (partialWord < 0 || partialWord > 3 || words < 0 || words > 15 || encoded.length != 53 + 4 * words) {
			throw new IllegalArgumentException("Not an encoded SHA256Digest");
		}
		byte[] pending = new byte[4 * words + partialWord];
		System.arraycopy(encoded, 52, pending, 0, 4 * words);
		System.arraycopy(encoded, 0, pending, 4 * words, partialWord);
		return new Sha256State(hash, length, pending);
	}

	/** Bouncy Castle's encoding of this state, for {@code new SHA256Digest(byte[])}. */
	byte[] toBouncyCastle() {
		int words = pending.length / 4;
		int partialWord = pending.length % 4;
		ByteBuffer out = ByteBuffer.allocate(53 + 4 * words);
		out.put(pending, 4 * words, partialWord).putInt(4, partialWord).putLong(8, length);
		for (int i = 0; i < hash.length; i++) {
			out.putInt(16 + 4 * i, hash[i]);
		}
		out.putInt(48, words).put(52, pending, 0, 4 * words);
		out.put(out.capacity() - 1, (byte) CryptoServicePurpose.ANY.ordinal());
		return out.array();
	}
}
