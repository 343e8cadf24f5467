package io.reelgate.library;

import java.time.Clock;

import io.reelgate.checkout.RentalsInProgress;
import io.reelgate.shared.AccountId;
import io.reelgate.shared.BundleId;

import org.springframework.stereotype.Component;

/** Tells checkout whether a buyer is still renting a bundle: a rental entitlement still standing, its window open. */
@Component
class LibraryRentals implements RentalsInProgress {

	private final Entitlements entitlements;

	private final Clock clock;

	LibraryRentals(Entitlements entitlements, Clock clock) {
		this.entitlements = entitlements;
		this.clock = clock;
	}

	@Override
	public boolean renting(AccountId buyer, BundleId bundle) {
		return entitlements
			.findByAccountIdAndBundleIdAndSourceAndRevokedAtIsNull(buyer.value(), bundle.value(), Entitlement.RENTAL)
			.stream()
			.anyMatch(rental -> !rental.rentalEnded(clock.instant()));
	}
}
