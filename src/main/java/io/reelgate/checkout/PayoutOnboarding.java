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
	default String onboardingLink(AccountId seller, String email) {
		return onboardingLink(seller, email, "/studio/payouts");
	}

	/**
	 * Like {@link #onboardingLink(AccountId, String)}, for a party whose payout pages lie under {@code pages}: the
	 * provider sends them to {@code pages + "/refresh"} when the link expired and to {@code pages + "/return"} when
	 * they finished (a creator's under /studio, a collaborator's under /collaborations).
	 */
	String onboardingLink(AccountId seller, String email, String pages);

	/** Reads the seller's payout account from the provider (after onboarding) into {@link Sellers}. */
	void refresh(AccountId seller);
}
