package io.reelgate.checkout;

import java.time.Clock;
import java.util.Optional;

import io.reelgate.accounts.PayoutRecipients;
import io.reelgate.catalog.SalesEligibility;
import io.reelgate.shared.AccountId;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creators' payout accounts. With a gateway that pays sellers out (Stripe Connect), a creator may sell paid
 * bundles only once the provider says their account can take charges; with the simulated gateway, always.
 */
@Service
@Transactional
public class Sellers implements SalesEligibility, PayoutRecipients {

	private final SellerAccounts accounts;

	private final PaymentGateway gateway;

	private final Clock clock;

	Sellers(SellerAccounts accounts, PaymentGateway gateway, Clock clock) {
		this.accounts = accounts;
		this.gateway = gateway;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public boolean maySellPaid(AccountId creator) {
		return !gateway.paysSellersOut() || status(creator).chargesEnabled();
	}

	/** A creator who has started payout onboarding has somewhere their earnings go, worth a second factor. */
	@Override
	@Transactional(readOnly = true)
	public boolean receivesPayouts(AccountId creator) {
		return status(creator).started();
	}

	@Transactional(readOnly = true)
	public SellerStatus status(AccountId creator) {
		return accounts.findById(creator.value()).map(SellerAccount::status).orElse(SellerStatus.NONE);
	}

	/** The provider account sales of this creator pay out to, if it can take charges. */
	@Transactional(readOnly = true)
	public Optional<String> payoutDestination(AccountId creator) {
		return accounts.findById(creator.value())
			.filter(a -> a.status().chargesEnabled())
			.map(SellerAccount::stripeAccountId);
	}

	/** Remembers the provider account created for a creator; a second call keeps the first account. */
	public String register(AccountId creator, String providerAccount) {
		return accounts.findById(creator.value())
			.orElseGet(() -> accounts.save(new SellerAccount(creator, providerAccount, clock.instant())))
			.stripeAccountId();
	}

	/** What the provider says an account may do now; unknown accounts (not ours) are ignored. */
	public void update(String providerAccount, boolean chargesEnabled, boolean payoutsEnabled,
			boolean detailsSubmitted) {
		accounts.findByStripeAccountId(providerAccount)
			.ifPresent(a -> a.update(chargesEnabled, payoutsEnabled, detailsSubmitted, clock.instant()));
	}
}
