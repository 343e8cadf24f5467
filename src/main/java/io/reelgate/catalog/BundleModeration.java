package io.reelgate.catalog;

import java.time.Clock;

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

	public BundleSummary restore(BundleId id) {
		Bundle bundle = CatalogService.find(bundles, id.value());
		bundle.restore();
		return bundle.summary();
	}
}
