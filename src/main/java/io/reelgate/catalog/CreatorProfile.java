package io.reelgate.catalog;

import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a creator says about themselves on their page: a bio in plain text (blank lines separate paragraphs), up to
 * {@link CreatorProfiles#MAX_LINKS} http(s) links, and a banner image, whose {@code bannerVersion} names its bytes
 * for cacheable URLs (null without one).
 */
public record CreatorProfile(String bio, List<String> links, @Nullable String bannerVersion) {

	static final CreatorProfile EMPTY = new CreatorProfile("", List.of(), null);

	/** The bio's paragraphs, for the page to render each as text (never as markup). */
	public List<String> paragraphs() {
		return Arrays.stream(bio.split("\\R\\s*\\R")).map(String::strip).filter(p -> !p.isEmpty()).toList();
	}

	/** The links as the page shows them: each with a short label (its host and path, without "www."). */
	public List<Link> shownLinks() {
		return links.stream().map(Link::of).toList();
	}

	public boolean hasBanner() {
		return bannerVersion != null;
	}

	/** A link and the text it is shown as. */
	public record Link(String href, String label) {

		static Link of(String href) {
			String label = href.replaceFirst("(?i)^https?://", "").replaceFirst("(?i)^www\\.", "");
			label = label.endsWith("/") ? label.substring(0, label.length() - 1) : label;
			return new Link(href, label.length() > 48 ? label.substring(0, 47) + "…" : label);
		}
	}

	/** A short description for meta tags: the bio's first paragraph, cut at a word near 200 characters. */
	public @Nullable String excerpt() {
		List<String> paragraphs = paragraphs();
		if (paragraphs.isEmpty()) {
			return null;
		}
		String first = paragraphs.get(0).replaceAll("\\s+", " ");
		if (first.length() <= 200) {
			return first;
		}
		int cut = first.lastIndexOf(' ', 200);
		return first.substring(0, cut > 100 ? cut : 200) + "…";
	}
}
