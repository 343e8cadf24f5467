package io.reelgate.uploads;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import java.util.function.Function;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResumableSha256Tests {

	private static final Function<Sha256State, ResumableSha256> JDK = JdkSha256::new;

	private static final Function<Sha256State, ResumableSha256> BOUNCY_CASTLE = BouncyCastleSha256::new;

	@Test
	void usesTheJdkDigestWhenRunWithThePackagesOpenedAsTheBuildDoes() {
		assertThat(ResumableSha256.jdk()).as(ResumableSha256.engine()).isTrue();
		assertThat(ResumableSha256.restore(Sha256State.INITIAL)).isInstanceOf(JdkSha256.class);
	}

	@Test
	void jdkToBouncyCastleToJdkGivesTheOneShotDigest() throws Exception {
		resumesAcrossEngines(new Function[] { JDK, BOUNCY_CASTLE }, 11);
	}

	@Test
	void bouncyCastleToJdkToBouncyCastleGivesTheOneShotDigest() throws Exception {
		resumesAcrossEngines(new Function[] { BOUNCY_CASTLE, JDK }, 12);
	}

	@Test
	void jdkToJdkGivesTheOneShotDigest() throws Exception {
		resumesAcrossEngines(new Function[] { JDK }, 13);
	}

	@Test
	void resumesFromAStateBouncyCastleEncodedBeforeTheNeutralFormat() throws Exception {
		Random random = new Random(14);
		for (int trial = 0; trial < 200; trial++) {
			byte[] content = new byte[random.nextInt(3000)];
			random.nextBytes(content);
			int split = random.nextInt(content.length + 1);
			SHA256Digest old = new SHA256Digest();
			old.update(content, 0, split);
			// What rows saved by the earlier code hold.
			byte[] saved = old.getEncodedState();
			try (PipelinedSha256 digest = new PipelinedSha256(saved)) {
				byte[] buffer = digest.buffer();
				System.arraycopy(content, split, buffer, 0, content.length - split);
				digest.update(buffer, content.length - split);
				assertThat(digest.hash()).as("split at %d of %d", split, content.length)
					.isEqualTo(MessageDigest.getInstance("SHA-256").digest(content));
				assertThat(digest.encodedState()[3]).as("saved again in the neutral format").isEqualTo((byte) 1);
			}
		}
	}

	@Test
	void encodesTheNeutralFormatAsDocumented() {
		ResumableSha256 digest = ResumableSha256.restore(Sha256State.INITIAL);
		digest.update("abc".getBytes(), 0, 3);
		byte[] encoded = digest.state().encoded();
		assertThat(HexFormat.of().formatHex(encoded)).isEqualTo("53484101"
				+ "6a09e667bb67ae853c6ef372a54ff53a510e527f9b05688c1f83d9ab5be0cd19" + "0000000000000003" + "616263");
	}

	@Test
	void rejectsAStateThatIsNeitherFormat() {
		assertThatThrownBy(() -> Sha256State.decode(new byte[] { 'S', 'H', 'A', 2, 0, 0 }))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> Sha256State.decode(new byte[60])).isInstanceOf(IllegalArgumentException.class);
	}

	/**
	 * Random contents cut at random points; at each cut the state is encoded and decoded, and hashing goes on in the
	 * next engine of the cycle.
	 */
	private static void resumesAcrossEngines(Function<Sha256State, ResumableSha256>[] engines, long seed)
			throws Exception {
		Random random = new Random(seed);
		for (int trial = 0; trial < 300; trial++) {
			byte[] content = new byte[random.nextInt(trial < 200 ? 300 : 200_000)];
			random.nextBytes(content);
			int position = 0;
			int engine = 0;
			ResumableSha256 digest = engines[0].apply(Sha256State.INITIAL);
			while (position < content.length) {
				int length = random.nextInt(content.length - position + 1);
				digest.update(content, position, length);
				position += length;
				engine = (engine + 1) % engines.length;
				digest = engines[engine].apply(Sha256State.decode(digest.state().encoded()));
			}
			assertThat(digest.hash()).as("trial %d, %d bytes", trial, content.length)
				.isEqualTo(MessageDigest.getInstance("SHA-256").digest(content));
			assertThat(digest.hash()).as("hashing is repeatable").isEqualTo(digest.hash());
		}
	}
}
