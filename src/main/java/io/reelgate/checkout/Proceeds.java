package io.reelgate.checkout;

import java.util.Currency;

import io.reelgate.shared.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.jspecify.annotations.Nullable;

/**
 * How the money an order takes is split: the tax in the gross, as the payment provider computed it, the platform's
 * fee, of the net (gross less tax), and the rest the creator's side's, paid to the seller's payment account if the
 * gateway pays sellers out. Until paid with a provider's settlement the gross is the amount charged, no tax is in it
 * and the fee is of that amount.
 *
 * @param taxMinor 0 until paid, and when no tax was due
 * @param grossMinor what the buyer paid, tax included; null until paid with a settlement (then it is the amount)
 */
@Embeddable
record Proceeds(@Column(name = "fee_minor") long feeMinor, @Column(name = "tax_minor") long taxMinor,
		@Column(name = "gross_minor") @Nullable Long grossMinor, @Column(name = "tax_country") @Nullable String taxCountry,
		@Column(name = "destination_account") @Nullable String destinationAccount) {

	/** Before payment: the platform's {@code fee} of the {@code charged} amount, no tax. */
	static Proceeds of(long fee, long charged, @Nullable String destinationAccount) {
		requireFeeWithin(fee, charged);
		return new Proceeds(fee, 0, null, null, destinationAccount);
	}

	/** As the provider settled the payment, with the platform's {@code fee} of the settlement's net. */
	Proceeds settled(Settlement settlement, long fee) {
		requireFeeWithin(fee, settlement.net().minor());
		return new Proceeds(fee, settlement.tax().minor(), settlement.gross().minor(), settlement.taxCountry(),
				destinationAccount);
	}

	private static void requireFeeWithin(long fee, long limit) {
		if (fee < 0 || fee > limit) {
			throw new IllegalArgumentException("Fee " + fee + " outside 0.." + limit);
		}
	}

	/** What the buyer paid, tax included, for an order that charged {@code amount}. */
	Money gross(Money amount) {
		return grossMinor == null ? amount : new Money(grossMinor, amount.currency());
	}

	Money tax(Currency currency) {
		return new Money(taxMinor, currency);
	}
}
