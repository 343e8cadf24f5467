package io.reelgate.catalog;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import io.reelgate.shared.AccountId;
import io.reelgate.shared.BundleId;
import io.reelgate.shared.Pages;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes bundles out of the storefront and puts them back. Buyers keep their downloads when a bundle is hidden, and
 * lose them (refunded) when it is removed; the creator sees the reason on their dashboard. Callers write the audit trail in the same transaction.
 */
@Service
@Transactional
@PreAuthorize("hasRole('ADMIN')")
public class BundleModeration {

	private static final int REVIEW_PAGE_SIZE = 20;

	private final Bundles bundles;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final TrustedCreators trusted;

	BundleModeration(Bundles bundles, Clock clock, ApplicationEventPublisher events, TrustedCreators trusted) {
		this.trusted = trusted;
		this.bundles = bundles;
		this.clock = clock;
		this.events = events;
	}

	public BundleSummary hide(BundleId id, String reason) {
		Bundle bundle = CatalogService.find(bundles, id.value());
		bundle.hide(reason, clock.instant());
		return bundle.summary();
	}

	/** Puts a published bundle in the storefront's featured row. */
	public BundleSummary feature(BundleId id) {
		Bundle bundle = CatalogService.find(bundles, id.value());
		bundle.feature(clock.instant());
		return bundle.summary();
	}

	public BundleSummary unfeature(BundleId id) {
		Bundle bundle = CatalogService.find(bundles, id.value());
		bundle.unfeature();
		return bundle.summary();
	}

	/** Takes all of a suspended or banned creator's bundles out of the storefront; returns how many they have. */
	public int withdrawAllOf(AccountId owner) {
		List<Bundle> owned = bundles.findByOwnerId(owner.value());
		owned.forEach(bundle -> bundle.withdrawWithOwner(clock.instant()));
		return owned.size();
	}

	/** Puts a restored creator's bundles back, except those hidden one by one. */
	public int reinstateAllOf(AccountId owner) {
		List<Bundle> owned = bundles.findByOwnerId(owner.value());
		owned.forEach(Bundle::reinstateWithOwner);
		return owned.size();
	}

	/**
	 * Removes a bundle for good and announces it with {@link BundleRemoved}, so its buyers are refunded and lose
	 * their downloads. Repeating it announces the removal again (finishing refunds a failed attempt left over) but
	 * changes nothing else.
	 */
	public Removal remove(BundleId id, String reason) {
		Bundle bundle = CatalogService.find(bundles, id.value());
		boolean removed = bundle.remove(reason, clock.instant());
		BundleSummary summary = bundle.summary();
		events.publishEvent(new BundleRemoved(id, summary.creatorId(), summary.title(), summary.hiddenReason()));
		return new Removal(summary, removed);
	}

	/** Undoes a removal after an upheld appeal; the refunds stand. */
	public BundleSummary reinstateRemoved(BundleId id) {
		Bundle bundle = CatalogService.find(bundles, id.value());
		bundle.reinstateAfterRemoval();
		return bundle.summary();
	}

	/** Bundles waiting for pre-moderation review, the longest waiting first. */
	@Transactional(readOnly = true)
	public Page<BundleDetails> pendingReview(int page) {
		return bundles.findPendingReview(Pages.of(page, REVIEW_PAGE_SIZE)).map(Bundle::details);
	}

	/** @throws CatalogException if the bundle is not waiting for review */
	public BundleSummary approve(BundleId id) {
		Bundle bundle = CatalogService.find(bundles, id.value());
		bundle.approve(clock.instant());
		return bundle.summary();
	}

	/** @throws CatalogException if the bundle is not waiting for review */
	public BundleSummary reject(BundleId id, String reason) {
		Bundle bundle = CatalogService.find(bundles, id.value());
		bundle.reject(reason);
		return bundle.summary();
	}

	/** Lets a creator's bundles skip pre-moderation from now on. */
	public void trust(AccountId creator) {
		trusted.trust(creator, clock.instant());
	}

	public void distrust(AccountId creator) {
		trusted.distrust(creator);
	}

	@Transactional(readOnly = true)
	public Set<AccountId> trustedAmong(Collection<AccountId> creators) {
		return trusted.trustedAmong(creators);
	}

	/** A removed bundle, and whether this call removed it or it was removed already. */
	public record Removal(BundleSummary bundle, boolean first) {
	}

	/** @throws CatalogException if the bundle was removed: only an upheld appeal brings that back */
	public BundleSummary restore(BundleId id) {
		Bundle bundle = CatalogService.find(bundles, id.value());
		bundle.restore();
		return bundle.summary();
	}
}
