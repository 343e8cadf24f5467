package io.reelgate.uploads;

import org.bouncycastle.crypto.digests.SHA256Digest;

/** Bouncy Castle's pure-Java SHA-256, which encodes its own state: the engine any JVM can use. */
final class BouncyCastleSha256 implements ResumableSha256 {

	private final SHA256Digest digest;

	BouncyCastleSha256(Sha256State state) {
		this.digest = new SHA256Digest(state.toBouncyCastle());
	}

	@Override
	public void update(byte[] bytes, int offset, int length) {
		digest.update(bytes, offset, length);
	}

	@Override
	public Sha256State state() {
		return Sha256State.fromBouncyCastle(digest.getEncodedState());
	}

	@Override
	public byte[] hash() {
		byte[] hash = new byte[digest.getDigestSize()];
		new SHA256Digest(digest).doFinal(hash, 0);
		return hash;
	}
}
