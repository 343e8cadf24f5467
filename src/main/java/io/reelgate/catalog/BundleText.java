package io.reelgate.catalog;

/** The words of a bundle: what the storefront and the bundle page show. Validated by the web form. */
public record BundleText(String title, String summary, String description) {

	public BundleText {
		title = title.strip();
		summary = summary.strip();
		description = description.strip();
	}
}
