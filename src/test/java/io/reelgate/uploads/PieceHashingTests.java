package io.reelgate.uploads;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Random;

import io.reelgate.uploads.PieceHashing.Result;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An upload's piece hashes, saved and restored between odd-sized chunks, against the whole file's. */
class PieceHashingTests {

	private static final int PIECE = 1 << 20;

	private static byte[] bytes(int length, long seed) {
		byte[] bytes = new byte[length];
		new Random(seed).nextBytes(bytes);
		return bytes;
	}

	private static byte[] sha1(byte[] bytes, int from, int to) throws Exception {
		MessageDigest digest = MessageDigest.getInstance("SHA-1");
		digest.update(bytes, from, to - from);
		return digest.digest();
	}

	private static Result inChunksAcrossRestarts(byte[] file, int... sizes) {
		PieceHashing pieces = PieceHashing.start(PIECE);
		int offset = 0;
		for (int i = 0; offset < file.length; i++) {
			int n = Math.min(sizes[i % sizes.length], file.length - offset);
			// A checkpoint, and the next request on another server, after every chunk.
			pieces = PieceHashing.decode(pieces.encoded());
			pieces.update(file, offset, n);
			offset += n;
		}
		assertThat(pieces.length()).isEqualTo(file.length);
		return PieceHashing.decode(pieces.encoded()).result();
	}

	@Test
	void oddChunksAcrossRestartsGiveTheWholeFilesPieceAndTailHashes() throws Exception {
		byte[] file = bytes(3 * PIECE + 123_457, 3);

		Result result = inChunksAcrossRestarts(file, 1, 65_535, 777_777, PIECE + 3, 4095);

		byte[] expected = new byte[60];
		for (int p = 0; p < 3; p++) {
			System.arraycopy(sha1(file, p * PIECE, (p + 1) * PIECE), 0, expected, p * 20, 20);
		}
		assertThat(result.pieces()).isEqualTo(expected);
		assertThat(result.tailAlone()).isEqualTo(sha1(file, 3 * PIECE, file.length));
		byte[] padded = Arrays.copyOf(Arrays.copyOfRange(file, 3 * PIECE, file.length), PIECE);
		assertThat(result.tailPadded()).isEqualTo(sha1(padded, 0, PIECE));
	}

	@Test
	void aFileOfWholePiecesHasNoTail() throws Exception {
		byte[] file = bytes(2 * PIECE, 4);

		Result result = inChunksAcrossRestarts(file, PIECE / 3, PIECE);

		assertThat(result.pieces()).hasSize(40).startsWith(sha1(file, 0, PIECE));
		assertThat(result.tailAlone()).isNull();
		assertThat(result.tailPadded()).isNull();
	}

	@Test
	void aStateOfAnythingElseIsRefused() {
		byte[] state = PieceHashing.start(PIECE).encoded();
		state[0] = 'X';
		assertThatThrownBy(() -> PieceHashing.decode(state)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> PieceHashing.decode(new byte[] { 'P', 'C', 'S', 1, 0 }))
			.isInstanceOf(RuntimeException.class);
	}
}
