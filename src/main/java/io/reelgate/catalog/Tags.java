package io.reelgate.catalog;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a tag is: letters and digits of any script, words joined by single hyphens ("science-fiction", "ciné-club",
 * "アニメ"), lowercase, in Unicode's compatibility form (so full-width and composed letters match what people type).
 * Spaces and underscores become hyphens, a leading {@code #} is dropped; anything else is refused rather than
 * silently removed, so the creator sees what the tag will be.
 */
final class Tags {

	private static final Pattern SEPARATORS = Pattern.compile("[\\s_\\-]+");

	private static final Pattern TAG = Pattern.compile("[\\p{L}\\p{N}\\p{M}]+(-[\\p{L}\\p{N}\\p{M}]+)*");

	/** Longer input is refused before any work on it: no tag list is this long. */
	private static final int MAX_INPUT = 2_000;

	private Tags() {
	}

	/**
	 * The tags a creator typed, comma-separated, normalized and without repeats, in their order.
	 * @throws CatalogException with a form message naming the tag that cannot be one
	 */
	static List<String> parse(String input, TagProperties limits) {
		if (input.length() > MAX_INPUT) {
			throw new CatalogException("tags.tooMany", limits.maxPerBundle());
		}
		Set<String> tags = new LinkedHashSet<>();
		for (String part : input.split(",")) {
			if (part.isBlank()) {
				continue;
			}
			String tag = normalize(part).orElseThrow(() -> new CatalogException("tags.invalid", shown(part)));
			if (tag.codePointCount(0, tag.length()) > limits.maxLength()) {
				throw new CatalogException("tags.tooLong", shown(tag), limits.maxLength());
			}
			tags.add(tag);
		}
		if (tags.size() > limits.maxPerBundle()) {
			throw new CatalogException("tags.tooMany", limits.maxPerBundle());
		}
		return List.copyOf(tags);
	}

	/** The tag a text names, or empty when it cannot be one; for tag pages' paths as well as the editor. */
	static Optional<String> normalize(String text) {
		if (text.length() > MAX_INPUT || text.codePoints().anyMatch(c -> Character.getType(c) == Character.SURROGATE)) {
			return Optional.empty();
		}
		String tag = Normalizer.normalize(text, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
		if (tag.startsWith("#")) {
			tag = tag.substring(1);
		}
		tag = SEPARATORS.matcher(tag).replaceAll("-");
		tag = tag.startsWith("-") ? tag.substring(1) : tag;
		tag = tag.endsWith("-") ? tag.substring(0, tag.length() - 1) : tag;
		return TAG.matcher(tag).matches() ? Optional.of(tag) : Optional.empty();
	}

	/** A refused tag as the form message quotes it: not the whole of a very long paste. */
	private static String shown(String text) {
		String stripped = text.strip();
		return stripped.codePointCount(0, stripped.length()) > 40
				? stripped.substring(0, stripped.offsetByCodePoints(0, 40)) + "…" : stripped;
	}
}
