package io.reelgate.torrents;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Random;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.catalog.FileView;
import io.reelgate.shared.BundleId;
import io.reelgate.support.Fixtures;
import io.reelgate.support.IntegrationTest;
import io.reelgate.torrents.PieceHashes.FileHashes;
import io.reelgate.torrents.PieceHashes.Unhashed;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class PieceHashingTests {

	private static final int PIECE = PieceHasher.PIECE_LENGTH;

	@Autowired
	Fixtures fixtures;

	@Autowired
	PieceHasher hasher;

	@Autowired
	PieceHashes hashes;

	private final byte[] content = new byte[PIECE + 700_001];

	private FileView file;

	@BeforeEach
	void aStoredFileOfOneFullAndOnePartialPiece() {
		new Random(11).nextBytes(content);
		AccountPrincipal creator = fixtures.creator();
		BundleId bundle = fixtures.draft(creator, Fixtures.unique("Hashing"), new byte[] { 1 }, "1.00", "USD");
		file = fixtures.addFile(creator, bundle, "two pieces.mp4", content);
	}

	private static byte[] sha1(byte[]... parts) throws Exception {
		MessageDigest digest = MessageDigest.getInstance("SHA-1");
		for (byte[] part : parts) {
			digest.update(part);
		}
		return digest.digest();
	}

	private Unhashed unhashed() {
		return new Unhashed(file.id().value(), file.storageKey(), file.size());
	}

	@Test
	void hashesEachPieceFromTheFilesFirstByteAndTheTailAloneAndPadded() throws Exception {
		FileHashes computed = hasher.hash(unhashed());
		byte[] tail = Arrays.copyOfRange(content, PIECE, content.length);
		assertThat(computed.pieces()).isEqualTo(sha1(Arrays.copyOf(content, PIECE)));
		assertThat(computed.tailAlone()).isEqualTo(sha1(tail));
		assertThat(computed.tailPadded()).isEqualTo(sha1(tail, new byte[PIECE - tail.length]));
		FileHashes stored = hashes.of(file.id().value()).orElseThrow();
		assertThat(stored.completeFor(file.size(), PIECE)).isTrue();
		assertThat(stored.pieces()).isEqualTo(computed.pieces());
		assertThat(hashes.backlog(PIECE, 10_000)).extracting(Unhashed::fileId).doesNotContain(file.id().value());
	}

	@Test
	void resumesFromSavedProgressWithoutRereadingThePiecesBeforeIt() throws Exception {
		assertThat(hashes.backlog(PIECE, 10_000)).extracting(Unhashed::fileId).contains(file.id().value());
		// Progress as a run cut off after the first piece left it; a marker hash shows the piece was not re-read.
		byte[] marker = new byte[20];
		Arrays.fill(marker, (byte) 7);
		hashes.save(new FileHashes(file.id().value(), PIECE, PIECE, marker, null, null));

		FileHashes resumed = hasher.hash(unhashed());

		assertThat(resumed.pieces()).isEqualTo(marker);
		assertThat(resumed.tailAlone()).isEqualTo(sha1(Arrays.copyOfRange(content, PIECE, content.length)));
		assertThat(resumed.hashedBytes()).isEqualTo(content.length);
	}

	@Test
	void aFinishedFileIsNotHashedAgain() throws Exception {
		FileHashes first = hasher.hash(unhashed());
		byte[] marker = new byte[20];
		hashes.save(new FileHashes(file.id().value(), PIECE, file.size(), marker, first.tailAlone(), first.tailPadded()));
		assertThat(hasher.hash(unhashed()).pieces()).isEqualTo(marker);
	}
}
