package io.reelgate.checkout;

import io.reelgate.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * What a payment provider reports the buyer paid for an order: the gross (tax included) and the tax in it, as the
 * provider computed them (for Stripe, the re-fetched Checkout Session's {@code amount_total} and
 * {@code total_details.amount_tax}). The net, on which the platform fee is computed, is their difference.
 *
 * @param taxCountry the buyer's country the tax was computed for, if the provider says
 * @param chargeRef the provider's id of the charge (for Stripe, the PaymentIntent's latest charge), which transfers
 * to the parties are made from; null when unknown
 */
public record Settlement(Money gross, Money tax, @Nullable String taxCountry, @Nullable String chargeRef) {

	public Settlement {
		if (!gross.currency().equals(tax.currency()) || tax.minor() > gross.minor()) {
			throw new IllegalArgumentException("Tax " + tax + " does not fit in " + gross);
		}
	}

	/** A payment with no tax on it, of exactly {@code amount}. */
	public static Settlement untaxed(Money amount) {
		return new Settlement(amount, new Money(0, amount.currency()), null, null);
	}

	public Money net() {
		return new Money(gross.minor() - tax.minor(), gross.currency());
	}
}
