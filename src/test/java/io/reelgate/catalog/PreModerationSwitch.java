package io.reelgate.catalog;

import org.springframework.context.ApplicationContext;

/**
 * Switches pre-moderation in the shared test context, for the tests of review in other packages: {@link #on} before
 * each test, {@link #restore} after it, so the rest of the suite publishes at once as configured.
 */
public final class PreModerationSwitch {

	private final PreModeration preModeration;

	private PreModerationProperties previous;

	public PreModerationSwitch(ApplicationContext context) {
		this.preModeration = context.getBean(PreModeration.class);
	}

	/** Pre-moderation on, reviewing each creator's first {@code firstBundles} bundles. */
	public void on(int firstBundles) {
		previous = preModeration.switchTo(new PreModerationProperties(true, firstBundles));
	}

	/** The rule in force before {@link #on}. */
	public void restore() {
		preModeration.switchTo(previous);
	}
}
