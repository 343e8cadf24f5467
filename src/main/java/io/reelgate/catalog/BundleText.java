package io.reelgate.catalog;

/**
 * The words of a bundle: what the storefront and the bundle page show. Validated where they arrive (the studio's
 * form, the creator API's request) against the same limits, {@link #TITLE_MAX} and the others.
 */
public record BundleText(String title, String summary, String description) {

	public static final int TITLE_MAX = 140;

	public static final int SUMMARY_MAX = 280;

	public static final int DESCRIPTION_MAX = 20000;

	public BundleText {
		title = title.strip();
		summary = summary.strip();
		description = description.strip();
	}
}
