package io.reelgate.uploads;

import java.security.MessageDigest;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PipelinedSha256Tests {

	@Test
	void hashesWhatIsHandedOverAndResumesFromItsSavedStateLikeTheJdk() throws Exception {
		byte[] content = new byte[5_000_000];
		new Random(7).nextBytes(content);
		Random sizes = new Random(8);
		byte[] saved;
		int position = 0;
		try (PipelinedSha256 digest = new PipelinedSha256(Sha256State.INITIAL.encoded())) {
			position = feed(digest, content, position, 2_000_000, sizes);
			saved = digest.encodedState();
		}
		// A later request, perhaps on another instance, continues from the saved state only.
		try (PipelinedSha256 digest = new PipelinedSha256(saved)) {
			position = feed(digest, content, position, content.length, sizes);
			assertThat(digest.hash()).isEqualTo(MessageDigest.getInstance("SHA-256").digest(content));
			assertThat(digest.hash()).as("hashing again gives the same").isEqualTo(
					MessageDigest.getInstance("SHA-256").digest(content));
		}
		assertThat(position).isEqualTo(content.length);
	}

	@Test
	void neverHoldsMoreThanItsFixedPoolOfBuffers() {
		try (PipelinedSha256 digest = new PipelinedSha256(Sha256State.INITIAL.encoded())) {
			java.util.Set<byte[]> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
			for (int i = 0; i < 100; i++) {
				byte[] buffer = digest.buffer();
				seen.add(buffer);
				digest.update(buffer, buffer.length);
			}
			digest.encodedState();
			assertThat(seen).hasSize(PipelinedSha256.BUFFERS);
		}
	}

	private static int feed(PipelinedSha256 digest, byte[] content, int from, int to, Random sizes) {
		int position = from;
		while (position < to) {
			byte[] buffer = digest.buffer();
			int length = Math.min(to - position, 1 + sizes.nextInt(buffer.length));
			System.arraycopy(content, position, buffer, 0, length);
			digest.update(buffer, length);
			position += length;
		}
		return position;
	}
}
