package io.reelgate.library;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.reelgate.catalog.BundleDetails;
import io.reelgate.catalog.Catalog;
import io.reelgate.shared.AccountId;
import io.reelgate.shared.BundleId;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What an account owns. */
@Service
@Transactional(readOnly = true)
public class Library {

	private final Entitlements entitlements;

	private final Catalog catalog;

	private final Clock clock;

	Library(Entitlements entitlements, Catalog catalog, Clock clock) {
		this.clock = clock;
		this.entitlements = entitlements;
		this.catalog = catalog;
	}

	/**
	 * Every bundle the account acquired, newest first: one entry per bundle, the best entitlement it holds (one that
	 * downloads, else a rental still running, else an ended rental, else a revoked one with its reason).
	 */
	public List<LibraryItem> itemsOf(AccountId account) {
		List<Entitlement> owned = entitlements.findByAccountIdOrderByGrantedAtDesc(account.value());
		Map<BundleId, BundleDetails> bundles = catalog.purchased(owned.stream().map(Entitlement::bundle).toList());
		Instant now = clock.instant();
		Map<BundleId, Entitlement> best = new LinkedHashMap<>();
		owned.forEach(e -> best.merge(e.bundle(), e, (first, other) -> rank(other, now) > rank(first, now) ? other : first));
		return best.values().stream()
			.filter(e -> bundles.containsKey(e.bundle()))
			.map(e -> new LibraryItem(bundles.get(e.bundle()), e.grantedAt(), e.revokedReason(),
					e.rental() && e.active() ? new LibraryItem.Rental(e.rentalHours(), e.rentalEndsAt().orElse(null),
							e.rentalEnded(now)) : null, e.streamOnlyScreener()))
			.toList();
	}

	private static int rank(Entitlement e, Instant now) {
		if (!e.active()) {
			return 0;
		}
		if (!e.rental()) {
			return e.streamOnlyScreener() ? 2 : 3;
		}
		return e.rentalEnded(now) ? 1 : 2;
	}

	/** Whether the account owns the bundle: its files download (a rental does not own it). */
	public boolean owns(AccountId account, BundleId bundle) {
		return entitlements.existsByAccountIdAndBundleIdAndRevokedAtIsNullAndSourceNotIn(account.value(), bundle.value(),
				Entitlement.STREAM_ONLY);
	}

	/** Whether the account rents the bundle now: a rental not revoked whose window has not ended (or not started). */
	public boolean rents(AccountId account, BundleId bundle) {
		Instant now = clock.instant();
		return entitlements
			.findByAccountIdAndBundleIdAndSourceAndRevokedAtIsNull(account.value(), bundle.value(), Entitlement.RENTAL)
			.stream()
			.anyMatch(e -> !e.rentalEnded(now));
	}
}
