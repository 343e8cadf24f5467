package io.reelgate.catalog;

import java.time.Instant;
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
 * The storefront's listings of public bundles are {@link StorefrontListings}'.
 */
@Service
@Transactional(readOnly = true)
public class Catalog {

	public static final int PAGE_SIZE = 24;

	private final Bundles bundles;

	Catalog(Bundles bundles) {
		this.bundles = bundles;
	}

	/** For the admin dashboard. */
	@PreAuthorize("hasRole('ADMIN')")
	public BundleCounts counts() {
		return new BundleCounts(bundles.countPublic(), bundles.countByPublicationStatus(BundleStatus.DRAFT),
				bundles.countByPublicationStatus(BundleStatus.PENDING_REVIEW),
				bundles.countByWithdrawalHiddenAtIsNotNull(), bundles.countByWithdrawalOwnerWithdrawnAtIsNotNull());
	}

	/** Which of these bundles are in the featured row, for the admins' list. */
	public Set<BundleId> featuredAmong(Collection<BundleId> ids) {
		return bundles.findAllById(ids.stream().map(BundleId::value).toList()).stream()
			.filter(Bundle::isFeatured)
			.map(b -> b.summary().id())
			.collect(Collectors.toSet());
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
