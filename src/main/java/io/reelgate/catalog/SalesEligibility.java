package io.reelgate.catalog;

import io.reelgate.shared.AccountId;

/**
 * Whether a creator may sell paid bundles right now. The catalog asks; the payments side answers (a creator whose
 * payouts are not set up yet cannot be paid, so their paid bundles must not go on sale).
 */
public interface SalesEligibility {

	boolean maySellPaid(AccountId creator);
}
