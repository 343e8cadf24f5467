package io.reelgate.accounts;

import io.reelgate.shared.AccountId;

/**
 * Whether a creator has a payout account, which an operator may want guarded by a second factor
 * ({@link SecondFactorPolicy}): one phished password would otherwise redirect their earnings. The accounts module
 * asks; the payments side answers.
 */
public interface PayoutRecipients {

	boolean receivesPayouts(AccountId creator);
}
