package io.reelgate.uploads;

import java.lang.reflect.Field;
import java.security.MessageDigest;
import java.security.MessageDigestSpi;
import java.security.NoSuchAlgorithmException;
import java.security.NoSuchProviderException;
import java.util.Arrays;
import java.util.Random;

/**
 * The JDK's own SHA-256 ({@code sun.security.provider.SHA2$SHA256}, which HotSpot runs with the CPU's SHA
 * instructions), its state read and written through its private fields: {@code state} (H0..H7) in {@code SHA2},
 * and {@code buffer}, {@code bufOfs} (the pending bytes) and {@code bytesProcessed} in {@code DigestBase}; the same
 * in JDK 17 and 25. {@code MessageDigest.getInstance} wraps the implementation in a {@code MessageDigest.Delegate},
 * whose {@code digestSpi} field holds it. This needs {@code --add-opens} of {@code java.base/sun.security.provider}
 * and {@code java.base/java.security}; without them, or if the SUN provider is missing, or if a JDK
 * changes these fields (checked at startup against Bouncy Castle's digest), {@link #UNUSABLE_BECAUSE} says why.
 */
final class JdkSha256 implements ResumableSha256 {

	/** Why this engine cannot be used in this JVM; {@code null} when it can. */
	static final String UNUSABLE_BECAUSE;

	private static final Fields FIELDS;

	static {
		Fields fields = null;
		String unusable = null;
		try {
			fields = Fields.find();
			selfTest(fields);
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			fields = null;
			unusable = ex.toString();
		}
		FIELDS = fields;
		UNUSABLE_BECAUSE = unusable;
	}

	private final MessageDigest digest;

	private final MessageDigestSpi implementation;

	private final Fields fields;

	JdkSha256(Sha256State state) {
		this(state, FIELDS);
	}

	private JdkSha256(Sha256State state, Fields fields) {
		this.digest = newDigest();
		this.fields = fields;
		this.implementation = fields.implementation(digest);
		fields.write(implementation, state);
	}

	@Override
	public void update(byte[] bytes, int offset, int length) {
		digest.update(bytes, offset, length);
	}

	@Override
	public Sha256State state() {
		return fields.read(implementation);
	}

	@Override
	public byte[] hash() {
		try {
			return ((MessageDigest) digest.clone()).digest();
		}
		catch (CloneNotSupportedException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Asks the SUN provider by name: a provider registered later in front of it must not answer. */
	private static MessageDigest newDigest() {
		try {
			return MessageDigest.getInstance("SHA-256", "SUN");
		}
		catch (NoSuchAlgorithmException | NoSuchProviderException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Saves and restores at odd points and compares with Bouncy Castle and a one-shot digest. */
	private static void selfTest(Fields fields) {
		byte[] bytes = new byte[1000];
		new Random(1).nextBytes(bytes);
		ResumableSha256 reference = new BouncyCastleSha256(Sha256State.INITIAL);
		JdkSha256 jdk = new JdkSha256(Sha256State.INITIAL, fields);
		int position = 0;
		for (int step : new int[] { 3, 64, 70, 1, 500 }) {
			reference.update(bytes, position, step);
			jdk.update(bytes, position, step);
			position += step;
			if (!Arrays.equals(jdk.state().encoded(), reference.state().encoded())) {
				throw new IllegalStateException("the JDK's SHA-256 state does not read as expected");
			}
			jdk = new JdkSha256(jdk.state(), fields);
		}
		jdk.update(bytes, position, bytes.length - position);
		if (!Arrays.equals(jdk.hash(), newDigest().digest(bytes))) {
			throw new IllegalStateException("the JDK's SHA-256 does not resume from a restored state");
		}
	}

	private record Fields(Field delegated, Field state, Field buffer, Field pending, Field processed) {

		static Fields find() throws ReflectiveOperationException {
			MessageDigest digest = newDigest();
			Field delegated = null;
			Object implementation = digest;
			if (!digest.getClass().getName().startsWith("sun.security.provider.")) {
				delegated = accessible(digest.getClass(), "digestSpi");
				implementation = delegated.get(digest);
			}
			if (!implementation.getClass().getName().equals("sun.security.provider.SHA2$SHA256")) {
				throw new IllegalStateException("SHA-256 is implemented by " + implementation.getClass().getName());
			}
			Class<?> type = implementation.getClass();
			return new Fields(delegated, accessible(type, "state"), accessible(type, "buffer"),
					accessible(type, "bufOfs"), accessible(type, "bytesProcessed"));
		}

		private static Field accessible(Class<?> type, String name) throws NoSuchFieldException {
			for (Class<?> c = type; c != null; c = c.getSuperclass()) {
				for (Field field : c.getDeclaredFields()) {
					if (field.getName().equals(name)) {
						field.setAccessible(true);
						return field;
					}
				}
			}
			throw new NoSuchFieldException(type.getName() + "." + name);
		}

		MessageDigestSpi implementation(MessageDigest digest) {
			try {
				return (delegated != null) ? (MessageDigestSpi) delegated.get(digest) : digest;
			}
			catch (IllegalAccessException ex) {
				throw new IllegalStateException(ex);
			}
		}

		Sha256State read(MessageDigestSpi implementation) {
			try {
				byte[] buffer = (byte[]) this.buffer.get(implementation);
				return new Sha256State((int[]) state.get(implementation), processed.getLong(implementation),
						Arrays.copyOf(buffer, pending.getInt(implementation)));
			}
			catch (IllegalAccessException ex) {
				throw new IllegalStateException(ex);
			}
		}

		void write(MessageDigestSpi implementation, Sha256State value) {
			try {
				byte[] pendingBytes = value.pending();
				System.arraycopy(value.hash(), 0, (int[]) state.get(implementation), 0, 8);
				System.arraycopy(pendingBytes, 0, (byte[]) buffer.get(implementation), 0, pendingBytes.length);
				pending.setInt(implementation, pendingBytes.length);
				processed.setLong(implementation, value.length());
			}
			catch (IllegalAccessException ex) {
				throw new IllegalStateException(ex);
			}
		}
	}
}
