package io.reelgate.catalog;

import java.time.Clock;
import java.util.List;

import io.reelgate.shared.AccountId;
import io.reelgate.shared.BundleId;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes bundles out of the storefront and puts them back. Buyers keep their downloads either way; the creator
 * sees the reason on their dashboard. Callers write the audit trail in the same transaction.
 */
@Service
@Transactional
@PreAuthorize("hasRole('ADMIN')")
public class BundleModeration {

	private final Bundles bundles;

	private final Clock clock;

	BundleModeration(Bundles bundles, Clock clock) {
		this.bundles = bundles;
		this.clock = clock;
	}

	public BundleSummary hide(BundleId id, String reason) {
		Bundle bundle = CatalogService.find(bundles, id.value());
		bundle.hide(reason, clock.instant());
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

	public BundleSummary restore(BundleId id) {
		Bundle bundle = CatalogService.find(bundles, id.value());
		bundle.restore();
		return bundle.summary();
	}
}
