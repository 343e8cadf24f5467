package io.reelgate.catalog;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How creators tag bundles.
 *
 * @param maxPerBundle how many tags one bundle may have
 * @param maxLength the longest tag, in characters after normalizing
 * @param genres the genres the editor offers to pick from (normalized like any tag); creators may also type their
 * own tags
 */
@ConfigurationProperties("reelgate.catalog.tags")
record TagProperties(@DefaultValue("5") int maxPerBundle, @DefaultValue("32") int maxLength,
		@DefaultValue({ "drama", "comedy", "documentary", "horror", "thriller", "science-fiction", "animation",
				"short", "experimental", "music" }) List<String> genres) {

	TagProperties {
		if (maxPerBundle < 1 || maxPerBundle > 20 || maxLength < 2 || maxLength > 64) {
			throw new IllegalArgumentException(
					"reelgate.catalog.tags: max-per-bundle must be 1 to 20 and max-length 2 to 64");
		}
	}
}
