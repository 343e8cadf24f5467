package io.reelgate.catalog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.reelgate.shared.AccountId;
import io.reelgate.shared.BundleFileId;
import io.reelgate.shared.BundleId;
import io.reelgate.shared.Pages;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read side of the catalog. Every method that takes a {@link Viewer} applies the one visibility rule: public
 * bundles to everyone, drafts and hidden bundles only to their creator and to admins, and a 404 to anyone else.
 */
@Service
@Transactional(readOnly = true)
public class Catalog {

	public static final int PAGE_SIZE = 24;

	/** How many bundles the featured row shows: two rows of four on a laptop. */
	static final int FEATURED_SIZE = 8;

	private final Bundles bundles;

	private final PublicListings listings;

	Catalog(Bundles bundles, PublicListings listings) {
		this.bundles = bundles;
		this.listings = listings;
	}

	/** For the admin dashboard. */
	@PreAuthorize("hasRole('ADMIN')")
	public BundleCounts counts() {
		return new BundleCounts(bundles.countPublic(), bundles.countByPublicationStatus(BundleStatus.DRAFT),
				bundles.countByPublicationStatus(BundleStatus.PENDING_REVIEW),
				bundles.countByWithdrawalHiddenAtIsNotNull(), bundles.countByWithdrawalOwnerWithdrawnAtIsNotNull());
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

	/** Which of these bundles are in the featured row, for the admins' list. */
	public Set<BundleId> featuredAmong(Collection<BundleId> ids) {
		return bundles.findAllById(ids.stream().map(BundleId::value).toList()).stream()
			.filter(Bundle::isFeatured)
			.map(b -> b.summary().id())
			.collect(Collectors.toSet());
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

	public BundleDetails bundle(BundleId id, Viewer viewer) {
		Bundle bundle = CatalogService.find(bundles, id.value());
		if (!viewer.maySee(bundle)) {
			throw new BundleNotFoundException();
		}
		return bundle.details();
	}

	/**
	 * A bundle the viewer may see, priced in {@code currency} if it has a price in it, else in its main currency
	 * (the page then says which currencies it takes).
	 */
	public BundleDetails bundle(BundleId id, Viewer viewer, Currency currency) {
		Bundle bundle = CatalogService.find(bundles, id.value());
		if (!viewer.maySee(bundle)) {
			throw new BundleNotFoundException();
		}
		return bundle.detailsIn(currency);
	}

	/** A bundle's prices besides the main one, for its creator's editor; other accounts get a 404. */
	public List<OtherPrice> otherPrices(AccountId owner, BundleId id) {
		Bundle bundle = CatalogService.find(bundles, id.value());
		bundle.assertOwnedBy(owner);
		return bundle.pricing().otherPrices();
	}

	/** A bundle for its creator's editor; other accounts get a 404 whatever the bundle's state. */
	public BundleDetails editable(AccountId owner, BundleId id) {
		Bundle bundle = CatalogService.find(bundles, id.value());
		bundle.assertOwnedBy(owner);
		return bundle.details();
	}

	/** An unlocked file of a bundle the viewer may see; anything else (locked, not visible) is a 404. */
	public FileView unlockedFile(BundleId id, BundleFileId fileId, Viewer viewer) {
		return bundle(id, viewer).files().stream()
			.filter(f -> f.id().equals(fileId) && f.unlocked())
			.findFirst()
			.orElseThrow(BundleNotFoundException::new);
	}

	public CoverView cover(BundleId id, Viewer viewer) {
		return cover(id, viewer, false);
	}

	/**
	 * A bundle's cover; {@code held} says the caller checked that the viewer holds the bundle, whose library then
	 * keeps showing its cover while it is hidden or unpublished.
	 */
	public CoverView cover(BundleId id, Viewer viewer, boolean held) {
		Bundle bundle = CatalogService.find(bundles, id.value());
		if (!held && !viewer.maySee(bundle)) {
			throw new BundleNotFoundException();
		}
		return bundle.cover().orElseThrow(BundleNotFoundException::new);
	}

	/** A bundle someone may acquire right now: published and not hidden. */
	public BundleSummary acquirable(BundleId id) {
		Bundle bundle = CatalogService.find(bundles, id.value());
		if (!bundle.isPublic()) {
			throw new BundleNotFoundException();
		}
		return bundle.summary();
	}

	/**
	 * A bundle someone may acquire right now, priced in {@code currency}; empty if the bundle has no price in it (a
	 * bundle that is not priced at all is the same in every currency).
	 * @throws BundleNotFoundException if it is not public
	 */
	public Optional<BundleSummary> acquirableIn(BundleId id, Currency currency) {
		Bundle bundle = CatalogService.find(bundles, id.value());
		if (!bundle.isPublic()) {
			throw new BundleNotFoundException();
		}
		return bundle.summaryIn(currency);
	}

	/**
	 * The rental offer of a bundle someone may acquire, if it has one and anything to stream: a rental is offered
	 * only while the bundle holds a locked video or audio file.
	 */
	public Optional<RentalTerms> rental(BundleId id) {
		Bundle bundle = CatalogService.find(bundles, id.value());
		return bundle.isPublic() && bundle.files().hasLockedMedia() ? bundle.pricing().rentalTerms()
				: Optional.empty();
	}

	/** As {@link #rental(BundleId)}, in {@code currency}: empty where the creator set no rental price in it. */
	public Optional<RentalTerms> rental(BundleId id, Currency currency) {
		Bundle bundle = CatalogService.find(bundles, id.value());
		return bundle.isPublic() && bundle.files().hasLockedMedia() ? bundle.pricing().rentalTermsIn(currency)
				: Optional.empty();
	}

	public List<BundleSummary> bundlesOf(AccountId owner) {
		return bundles.findByOwnerIdOrderByCreatedAtDesc(owner.value()).stream().map(Bundle::summary).toList();
	}

	/** Titles by id, whatever the bundles' state, for lists of orders. */
	public Map<BundleId, String> titles(Collection<BundleId> ids) {
		return bundles.findAllById(ids.stream().map(BundleId::value).distinct().toList())
			.stream()
			.collect(Collectors.toMap(Bundle::id, b -> b.summary().title()));
	}

	/** The creator of each bundle, whatever its state, for figures kept per bundle and reported per creator. */
	public Map<BundleId, AccountId> owners(Collection<BundleId> ids) {
		return bundles.findAllById(ids.stream().map(BundleId::value).distinct().toList())
			.stream()
			.collect(Collectors.toMap(Bundle::id, Bundle::owner));
	}

	/** File names by id, whatever their bundles' state, for lists of downloads. */
	public Map<BundleFileId, String> fileNames(Collection<BundleFileId> ids) {
		return bundles.findFiles(ids.stream().map(BundleFileId::value).distinct().toList())
			.stream()
			.collect(Collectors.toMap(BundleFile::id, f -> f.view().name()));
	}

	/** Bundles with their files, for a buyer's library, whatever their state now: buyers keep what they bought. */
	public Map<BundleId, BundleDetails> purchased(Collection<BundleId> ids) {
		return bundles.findWithFilesByIdIn(ids.stream().map(BundleId::value).toList())
			.stream()
			.map(Bundle::details)
			.collect(Collectors.toMap(d -> d.summary().id(), Function.identity()));
	}

	/** A file with the creator of its bundle, for the download policy to decide on. */
	public Optional<OwnedFile> file(BundleFileId id) {
		return bundles.findFile(id.value()).map(f -> new OwnedFile(f.view(), f.bundle().owner(), f.bundle().isRemoved(),
				f.bundle().summary().releaseAt()));
	}

	public Page<BundleSummary> forModeration(ModerationFilter filter, int page) {
		return matching(filter, pageRequest(page)).map(Bundle::summary);
	}

	private Page<Bundle> matching(ModerationFilter filter, PageRequest request) {
		if (filter == ModerationFilter.PUBLISHED) {
			return bundles.findVisibleByStatus(BundleStatus.PUBLISHED, request);
		}
		if (filter == ModerationFilter.DRAFT) {
			return bundles.findVisibleByStatus(BundleStatus.DRAFT, request);
		}
		if (filter == ModerationFilter.HIDDEN) {
			return bundles.findHidden(request);
		}
		return bundles.findAllForModeration(request);
	}

	private static PageRequest pageRequest(int page) {
		return Pages.of(page, PAGE_SIZE);
	}

	/** Who is looking: nobody in particular, a logged-in account, or an admin. */
	public record Viewer(@Nullable AccountId account, boolean admin) {

		public static final Viewer ANONYMOUS = new Viewer(null, false);

		boolean maySee(Bundle bundle) {
			return bundle.isPublic() || admin || bundle.owner().equals(account);
		}
	}

	/**
	 * A file with its bundle's owner; {@code removed} when moderation removed the bundle (buyers lose it);
	 * {@code releaseAt} when a pre-ordered bundle's buyers get its locked files.
	 */
	public record OwnedFile(FileView file, AccountId owner, boolean removed, @Nullable Instant releaseAt) {

		/** Whether buyers may have this file at {@code now}: unlocked files always, locked ones from the release. */
		public boolean releasedAt(Instant now) {
			return file.unlocked() || releaseAt == null || !releaseAt.isAfter(now);
		}
	}

	/** Which bundles the moderation list shows. */
	public enum ModerationFilter {
		ALL, PUBLISHED, DRAFT, HIDDEN
	}
}
