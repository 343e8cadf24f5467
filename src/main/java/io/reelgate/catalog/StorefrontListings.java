package io.reelgate.catalog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.reelgate.shared.AccountId;
import io.reelgate.shared.BundleId;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The storefront's listings of public bundles, a page of {@value Catalog#PAGE_SIZE} at a time: the storefront in
 * each sort, a tag's and a creator's bundles, search results, and the featured row. The statements are
 * {@link PublicListings}'; this pages them and makes the pager's links.
 */
@Service
@Transactional(readOnly = true)
public class StorefrontListings {

	/** How many bundles the featured row shows: two rows of four on a laptop. */
	static final int FEATURED_SIZE = 8;

	private static final int PAGE_SIZE = Catalog.PAGE_SIZE;

	private final PublicListings listings;

	StorefrontListings(PublicListings listings) {
		this.listings = listings;
	}

	/**
	 * A page of the storefront in {@code sort}'s order: the first page, the page after {@code before} in the order
	 * (newest first: older than it) or the page before {@code after} (at most one of them is used, {@code before}
	 * first).
	 */
	public Listing storefront(Sort sort, @Nullable BundleId before, @Nullable BundleId after) {
		return listing(PublicListings.Filter.ALL, sort, before, after);
	}

	/** A page of the public bundles tagged {@code tag} (normalized by {@link Tags}), paged as {@link #storefront}. */
	public Listing tagged(String tag, Sort sort, @Nullable BundleId before, @Nullable BundleId after) {
		return listing(new PublicListings.Filter(null, tag), sort, before, after);
	}

	/** The storefront's featured row: the public bundles admins picked, latest pick first, one statement. */
	public List<BundleSummary> featured() {
		return listings.featured(FEATURED_SIZE);
	}

	/** A creator's public bundles, paged as {@link #storefront}. */
	public Listing publicBundlesOf(AccountId creator, @Nullable BundleId before, @Nullable BundleId after) {
		return listing(new PublicListings.Filter(creator, null), Sort.NEW, before, after);
	}

	/**
	 * Search results, best first, {@code page} counting from 0 over the best of the newest
	 * {@value PublicListings#SEARCH_BOUND} matches. When the words as typed find nothing, they are searched again
	 * with typos corrected ("harbr" finds "Harbor"), unless they use search operators (a "quoted phrase",
	 * a -word left out), which mean exactly what they say.
	 */
	public Listing search(String query, int page) {
		SearchTerms terms = SearchTerms.of(query);
		int last = PublicListings.SEARCH_BOUND / PAGE_SIZE - 1;
		if (page < 0 || page > last) {
			return new Listing(List.of(), page > last ? pageLink(last) : null, null);
		}
		int offset = page * PAGE_SIZE;
		List<BundleSummary> found = listings.search(terms, offset, PAGE_SIZE + 1);
		if (found.isEmpty() && terms.plain()) {
			found = listings.searchCorrected(terms, offset, PAGE_SIZE + 1);
		}
		boolean more = found.size() > PAGE_SIZE && page < last;
		return new Listing(found.subList(0, Math.min(found.size(), PAGE_SIZE)), page > 0 ? pageLink(page - 1) : null,
				more ? pageLink(page + 1) : null);
	}

	private Listing listing(PublicListings.Filter filter, Sort sort, @Nullable BundleId before,
			@Nullable BundleId after) {
		if (before == null && after != null) {
			List<BundleSummary> newer = listings.pageBefore(filter, sort, after, PAGE_SIZE + 1);
			if (newer.size() > PAGE_SIZE) {
				List<BundleSummary> shown = new ArrayList<>(newer.subList(0, PAGE_SIZE));
				Collections.reverse(shown);
				return new Listing(shown, cursor("after", shown.get(0)), cursor("before", shown.get(PAGE_SIZE - 1)));
			}
			// Fewer than a page is newer: that is the first page.
			before = null;
		}
		List<BundleSummary> older = listings.page(filter, sort, before, PAGE_SIZE + 1);
		List<BundleSummary> shown = older.subList(0, Math.min(older.size(), PAGE_SIZE));
		return new Listing(shown, before == null || shown.isEmpty() ? null : cursor("after", shown.get(0)),
				older.size() > PAGE_SIZE ? cursor("before", shown.get(PAGE_SIZE - 1)) : null);
	}

	private static Listing.PageLink cursor(String name, BundleSummary bundle) {
		return new Listing.PageLink(name, bundle.id().toString());
	}

	private static Listing.PageLink pageLink(int page) {
		return new Listing.PageLink("page", Integer.toString(page));
	}
}
