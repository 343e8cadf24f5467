package io.reelgate.checkout;

import io.reelgate.shared.AccountId;

/**
 * Where a seller sets up the account their sales are paid out to, for a gateway that {@link
 * PaymentGateway#paysSellersOut() pays sellers out} (Stripe Connect). Like the gateway, a port: the pages call it,
 * the adapter talks to the provider, never inside a database transaction.
 */
public interface PayoutOnboarding {

	/**
	 * A fresh, single-use link to the provider's onboarding for {@code seller}, opening the seller's payout account
	 * first if they have none; retries within a short time get the same link.
	 */
	String onboardingLink(AccountId seller, String email);

	/** Reads the seller's payout account from the provider (after onboarding) into {@link Sellers}. */
	void refresh(AccountId seller);
}
