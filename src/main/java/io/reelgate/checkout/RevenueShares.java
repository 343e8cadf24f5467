package io.reelgate.checkout;

import java.util.List;

import io.reelgate.shared.AccountId;
import io.reelgate.shared.BundleId;

/**
 * Who shares a bundle's income, and how much: the collaborators module answers (it depends on checkout, so checkout
 * asks through this interface). Read in the transaction that confirms a payment, so a sale is split by the shares
 * accepted when it was paid.
 */
public interface RevenueShares {

	/** The parties to a sale of the bundle, the owner included with what the others leave: together 10000 bp. */
	List<PlatformFee.Party> parties(BundleId bundle, AccountId owner);
}
