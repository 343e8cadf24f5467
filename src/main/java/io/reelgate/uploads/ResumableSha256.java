package io.reelgate.uploads;

/**
 * A SHA-256 in progress whose {@link Sha256State} can be taken at any point and continued elsewhere, later.
 * {@link #restore} uses the JDK's digest (the CPU's SHA instructions: about five times faster here) when this JVM
 * lets us read and write its state, and Bouncy Castle's pure-Java one otherwise; both read and write the same
 * {@link Sha256State}, so an upload may move between instances running either.
 */
sealed interface ResumableSha256 permits JdkSha256, BouncyCastleSha256 {

	void update(byte[] bytes, int offset, int length);

	Sha256State state();

	/** The SHA-256 of every byte so far; hashing can go on afterwards. */
	byte[] hash();

	static ResumableSha256 restore(Sha256State state) {
		return jdk() ? new JdkSha256(state) : new BouncyCastleSha256(state);
	}

	/** Whether {@link #restore} uses the JDK's digest; decided once per JVM. */
	static boolean jdk() {
		return JdkSha256.UNUSABLE_BECAUSE == null;
	}

	/** Which engine {@link #restore} uses, and why. */
	static String engine() {
		return jdk() ? "the JDK's SHA-256 (its state read by reflection)"
				: "Bouncy Castle's SHA-256, as the JDK's cannot be used: " + JdkSha256.UNUSABLE_BECAUSE
						+ " (run with --add-opens java.base/sun.security.provider=ALL-UNNAMED"
						+ " --add-opens java.base/java.security=ALL-UNNAMED, as the jar's manifest does)";
	}
}
