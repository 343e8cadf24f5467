package io.reelgate.checkout;

import java.time.Instant;
import java.util.UUID;

import io.reelgate.shared.AccountId;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A creator's payout account at the payment provider (a Stripe Connect Express account) and what it may do. */
@Entity
@Table(name = "seller_accounts")
class SellerAccount {

	@Id
	private UUID accountId;

	private String stripeAccountId;

	private boolean chargesEnabled;

	private boolean payoutsEnabled;

	private boolean detailsSubmitted;

	private Instant updatedAt;

	protected SellerAccount() {
	}

	SellerAccount(AccountId account, String stripeAccountId, Instant now) {
		this.accountId = account.value();
		this.stripeAccountId = stripeAccountId;
		this.updatedAt = now;
	}

	String stripeAccountId() {
		return stripeAccountId;
	}

	void update(boolean chargesEnabled, boolean payoutsEnabled, boolean detailsSubmitted, Instant now) {
		this.chargesEnabled = chargesEnabled;
		this.payoutsEnabled = payoutsEnabled;
		this.detailsSubmitted = detailsSubmitted;
		this.updatedAt = now;
	}

	SellerStatus status() {
		return new SellerStatus(stripeAccountId, chargesEnabled, payoutsEnabled, detailsSubmitted);
	}
}
