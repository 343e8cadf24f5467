package io.reelgate.checkout;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Currency;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import io.reelgate.shared.AccountId;
import io.reelgate.shared.BundleId;
import io.reelgate.shared.Money;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * A creator's discount code: a percentage or a fixed amount off the price of one of their bundles, or of all of
 * them; optionally until an expiry and for a limited number of orders. Its terms never change once created (orders
 * refer to it); the creator can only disable it. How often it was used is not stored here: the orders that carry it
 * are the uses (see {@link DiscountCodes}).
 */
@Entity
@Table(name = "discount_codes")
class DiscountCode {

	@Id
	private UUID id;

	private UUID creatorId;

	private @Nullable UUID bundleId;

	private String code;

	private @Nullable Integer percentOff;

	private @Nullable Long amountMinor;

	private @Nullable Currency currency;

	private @Nullable Instant expiresAt;

	private @Nullable Integer usageLimit;

	private Instant createdAt;

	private @Nullable Instant disabledAt;

	protected DiscountCode() {
	}

	DiscountCode(AccountId creator, @Nullable BundleId bundle, String code, Discount discount,
			@Nullable Instant expiresAt, @Nullable Integer usageLimit, Instant now) {
		this.id = UUID.randomUUID();
		this.creatorId = creator.value();
		this.bundleId = bundle == null ? null : bundle.value();
		this.code = normalise(code);
		if (discount instanceof Discount.Percent percent) {
			this.percentOff = percent.percent();
		}
		else if (discount instanceof Discount.Amount amount) {
			this.amountMinor = amount.amount().minor();
			this.currency = amount.amount().currency();
		}
		this.expiresAt = expiresAt;
		this.usageLimit = usageLimit;
		this.createdAt = now;
	}

	/** Codes are compared without regard to case or surrounding spaces. */
	static String normalise(String code) {
		return code.strip().toUpperCase(Locale.ROOT);
	}

	UUID id() {
		return id;
	}

	String code() {
		return code;
	}

	AccountId creator() {
		return new AccountId(creatorId);
	}

	Optional<BundleId> bundle() {
		return Optional.ofNullable(bundleId).map(BundleId::new);
	}

	Optional<Integer> usageLimit() {
		return Optional.ofNullable(usageLimit);
	}

	Optional<Instant> expiresAt() {
		return Optional.ofNullable(expiresAt);
	}

	boolean disabled() {
		return disabledAt != null;
	}

	void disable(Instant now) {
		if (disabledAt == null) {
			this.disabledAt = now;
		}
	}

	Discount discount() {
		if (percentOff != null) {
			return new Discount.Percent(percentOff);
		}
		return new Discount.Amount(new Money(amountMinor, currency));
	}

	/**
	 * Why this code cannot take {@code price} off {@code bundle} now, leaving out the usage limit (which needs the
	 * orders): a message code, or empty if it applies.
	 */
	Optional<String> refusal(BundleId bundle, Money price, Instant now) {
		if (disabledAt != null || (bundleId != null && !bundleId.equals(bundle.value()))) {
			return Optional.of("checkout.code.unknown");
		}
		if (expiresAt != null && !now.isBefore(expiresAt)) {
			return Optional.of("checkout.code.expired");
		}
		if (currency != null && !currency.equals(price.currency())) {
			return Optional.of("checkout.code.currency");
		}
		return Optional.empty();
	}

	/**
	 * The price after the discount: never below zero, and never below {@code smallestCharge} unless it is zero
	 * (a payment provider cannot take a few cents), in which case the buyer pays the smallest charge or, if the
	 * price itself is lower, the price.
	 */
	Money apply(Money price, Money smallestCharge) {
		long off;
		if (discount() instanceof Discount.Percent p) {
			off = BigDecimal.valueOf(price.minor())
				.multiply(BigDecimal.valueOf(p.percent()))
				.divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP)
				.longValueExact();
		}
		else {
			off = ((Discount.Amount) discount()).amount().minor();
		}
		long charged = Math.max(0, price.minor() - off);
		if (charged > 0 && charged < smallestCharge.minor()) {
			charged = Math.min(price.minor(), smallestCharge.minor());
		}
		return new Money(charged, price.currency());
	}
}
