package io.reelgate.catalog;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Pre-moderation of new creators: off by default, so a fresh install publishes at once.
 *
 * @param enabled whether a new creator's first bundles wait for an admin's approval before they go public
 * @param firstBundles how many of a creator's bundles are reviewed: once that many have been approved (or
 * published), the next ones publish at once; admins may also trust a creator to skip review altogether
 */
@ConfigurationProperties("reelgate.moderation.pre-moderation")
record PreModerationProperties(@DefaultValue("false") boolean enabled, @DefaultValue("3") int firstBundles) {

	PreModerationProperties {
		if (firstBundles < 1) {
			throw new IllegalArgumentException("reelgate.moderation.pre-moderation.first-bundles must be at least 1");
		}
	}
}
