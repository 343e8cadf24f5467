package io.reelgate.catalog.web;

import io.reelgate.catalog.BundleSummary;

import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.HtmlUtils;

/**
 * What a creator pastes into their own website to sell a bundle there: the buy card in an {@code <iframe>}
 * (storefront's {@code /embed/bundles/{id}}, which any site may frame) and a plain link to the bundle page. The
 * bundle's title is the frame's accessible name and the link's text, escaped for HTML.
 */
record EmbedSnippets(String iframe, String link) {

	/** The card's size in CSS pixels: a cover beside title, price and Buy at 360 wide, taller when it wraps. */
	static final int WIDTH = 360;

	static final int HEIGHT = 200;

	/** Absolute URLs of the current request's host, for the creator's page on another site. */
	static EmbedSnippets of(BundleSummary bundle) {
		String base = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
		String title = HtmlUtils.htmlEscape(bundle.title());
		String id = bundle.id().value().toString();
		String iframe = "<iframe src=\"" + base + "/embed/bundles/" + id + "\" width=\"" + WIDTH + "\" height=\""
				+ HEIGHT + "\" title=\"" + title + "\" loading=\"lazy\" style=\"border:0\"></iframe>";
		String link = "<a href=\"" + base + "/bundles/" + id + "\">" + title + "</a>";
		return new EmbedSnippets(iframe, link);
	}
}
