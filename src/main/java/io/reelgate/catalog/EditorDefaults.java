package io.reelgate.catalog;

import org.springframework.stereotype.Component;

/**
 * The editor defaults in force: {@code reelgate.studio.defaults.*} ({@link StudioDefaults}) from start. A bean rather
 * than the properties record itself so the suite's one shared test context can switch them for a test of a new
 * bundle's editor and back, instead of starting a context (and database) of its own for it.
 */
@Component
class EditorDefaults {

	private volatile StudioDefaults defaults;

	EditorDefaults(StudioDefaults defaults) {
		this.defaults = defaults;
	}

	StudioDefaults current() {
		return defaults;
	}

	/** Puts {@code next} in force and returns the defaults it replaces, to be put back. */
	StudioDefaults switchTo(StudioDefaults next) {
		StudioDefaults previous = defaults;
		defaults = next;
		return previous;
	}
}
