package io.reelgate.checkout;

import java.time.Instant;

import io.reelgate.shared.AccountId;
import io.reelgate.shared.BundleId;
import io.reelgate.shared.Money;
import io.reelgate.shared.OrderId;
import org.jspecify.annotations.Nullable;

/**
 * An order as pages show it: {@code amount} is what was charged (null for a free bundle's claim), {@code listPrice}
 * the price before the discount {@code discountCode} (for pay what you want, the amount chosen), {@code feeMinor}
 * the platform's share (of the net). A {@code RENTAL} order ({@code kind}) streams for {@code rentalHours}. Once paid,
 * {@code gross} is what the buyer paid and {@code tax} the sales tax or VAT in it (for the buyer's {@code taxCountry}),
 * so the net is their difference; before, {@code gross} is the amount and the tax zero.
 */
public record OrderView(OrderId id, AccountId buyer, BundleId bundle, AccountId seller, @Nullable Money amount,
		@Nullable Money listPrice, @Nullable String discountCode, long feeMinor, OrderStatus status, Instant createdAt, @Nullable Instant paidAt,
		OrderKind kind, @Nullable Integer rentalHours, @Nullable Money tax, @Nullable Money gross,
		@Nullable String taxCountry) {

	/** The gross less the tax: what the sale earns the creator's side and the platform. */
	public @Nullable Money net() {
		return gross == null || tax == null ? null : new Money(gross.minor() - tax.minor(), gross.currency());
	}

	public boolean taxed() {
		return tax != null && !tax.isZero();
	}

	/** Whether the price shown to the buyer included the tax (else it was added on top). */
	public boolean taxIncluded() {
		return taxed() && gross.equals(amount);
	}

	/** A rental streams the locked media for {@code rentalHours} from the first play, and never downloads. */
	public boolean rental() {
		return kind == OrderKind.RENTAL;
	}

	public boolean discounted() {
		return discountCode != null && listPrice != null && amount != null && !listPrice.equals(amount);
	}

	public boolean refundable() {
		return amount != null && !amount.isZero() && (status == OrderStatus.PAID || status == OrderStatus.DISPUTED);
	}
}
