package io.reelgate.catalog;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One page of public bundles, with the links to the pages around it and no total: counting every match on every
 * view is what slowed the storefront down. {@code newer} and {@code older} are the query parameters of those pages
 * ({@code before=<id>} for "older than this one", {@code page=<n>} for search results), null at either end.
 */
public record Listing(List<BundleSummary> content, @Nullable PageLink newer, @Nullable PageLink older) {

	public boolean isEmpty() {
		return content.isEmpty();
	}

	/** Whether there is a page on either side, so the pager is worth showing. */
	public boolean isPaged() {
		return newer != null || older != null;
	}

	/** A query parameter that leads to another page: {@code name=value}. */
	public record PageLink(String name, String value) {
	}
}
