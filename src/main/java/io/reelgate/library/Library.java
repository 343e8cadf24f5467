package io.reelgate.library;

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

	Library(Entitlements entitlements, Catalog catalog) {
		this.entitlements = entitlements;
		this.catalog = catalog;
	}

	/**
	 * Every bundle the account acquired, newest first: one entry per bundle, the active entitlement if there is
	 * one (a bundle bought again after a refund), else the revoked one with its reason.
	 */
	public List<LibraryItem> itemsOf(AccountId account) {
		List<Entitlement> owned = entitlements.findByAccountIdOrderByGrantedAtDesc(account.value());
		Map<BundleId, BundleDetails> bundles = catalog.purchased(owned.stream().map(Entitlement::bundle).toList());
		Map<BundleId, Entitlement> best = new LinkedHashMap<>();
		owned.forEach(e -> best.merge(e.bundle(), e, (first, other) -> first.active() ? first : other));
		return best.values().stream()
			.filter(e -> bundles.containsKey(e.bundle()))
			.map(e -> new LibraryItem(bundles.get(e.bundle()), e.grantedAt(), e.revokedReason()))
			.toList();
	}

	public boolean owns(AccountId account, BundleId bundle) {
		return entitlements.existsByAccountIdAndBundleIdAndRevokedAtIsNull(account.value(), bundle.value());
	}
}
