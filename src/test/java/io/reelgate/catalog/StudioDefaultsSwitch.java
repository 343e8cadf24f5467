package io.reelgate.catalog;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationContext;

/**
 * Switches the editor defaults ({@code reelgate.studio.defaults.*}) in the shared test context, for tests of what a
 * new bundle starts with, here and in other packages: {@link #to} in a test (as often as it likes), {@link #restore}
 * after it, so the rest of the suite creates drafts with the configured defaults.
 */
public final class StudioDefaultsSwitch {

	private final EditorDefaults defaults;

	private @Nullable StudioDefaults configured;

	public StudioDefaultsSwitch(ApplicationContext context) {
		this.defaults = context.getBean(EditorDefaults.class);
	}

	/**
	 * New bundles start with {@code gate}; {@code PAID} and {@code PWYW} at {@code price} in {@code currency} (blank
	 * for {@code reelgate.catalog.default-currency}), typed as a creator types it.
	 */
	public void to(Gate gate, @Nullable String currency, String price) {
		StudioDefaults replaced = defaults.switchTo(new StudioDefaults(gate, currency, price));
		if (configured == null) {
			configured = replaced;
		}
	}

	/** The defaults in force before the first {@link #to}. */
	public void restore() {
		if (configured != null) {
			defaults.switchTo(configured);
			configured = null;
		}
	}
}
