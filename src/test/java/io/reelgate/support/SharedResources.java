package io.reelgate.support;

/**
 * What test classes that run at the same time (see {@link RunsAlongside}) could otherwise disturb for each other,
 * named for JUnit's {@code @ResourceLock}.
 */
public final class SharedResources {

	/**
	 * The JVM's log (logback's root logger and {@code System.out}): a class that reads it ({@link CapturedLogs},
	 * {@code OutputCaptureExtension}) takes it whole, so that no class running alongside writes into what it reads.
	 */
	public static final String LOGS = "reelgate.logs";

	/** The one {@link StripeStub} of the JVM and the Stripe test context's database, shared by every Stripe test. */
	public static final String STRIPE = "reelgate.stripe-stub";

	private SharedResources() {
	}
}
