package io.reelgate.checkout;

import io.reelgate.shared.AccountId;
import io.reelgate.shared.BundleId;

/**
 * Whether a buyer still has a rental of a bundle to watch, so that checkout does not sell them a second one. The
 * library answers (it knows when a rental's window started); it depends on checkout, so checkout asks through this
 * interface rather than the other way round.
 */
public interface RentalsInProgress {

	/** A paid rental that is not refunded and whose window has not ended (or not started). */
	boolean renting(AccountId buyer, BundleId bundle);
}
