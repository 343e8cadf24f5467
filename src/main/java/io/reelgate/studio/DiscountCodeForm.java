package io.reelgate.studio;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;

import io.reelgate.catalog.BundleNotFoundException;
import io.reelgate.checkout.Discount;
import io.reelgate.checkout.DiscountCodeException;
import io.reelgate.checkout.DiscountService.NewDiscountCode;
import io.reelgate.shared.BundleId;
import io.reelgate.shared.Money;
import io.reelgate.shared.MoneyInput;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.jspecify.annotations.Nullable;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * A new discount code as the creator types it. {@code bundle} is a bundle id or blank for all of the creator's
 * bundles; {@code value} is a whole percentage or an amount in {@code currency}, as {@code kind} says; the code is
 * valid through {@code validUntil} (UTC), if given.
 */
record DiscountCodeForm(@NotBlank(message = "{discount.code.required}") String code, @Nullable String bundle,
		@NotNull(message = "{discount.kind.required}") Kind kind,
		@NotBlank(message = "{discount.value.required}") String value, @Nullable String currency,
		@Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validUntil, @Nullable @Positive(message = "{discount.limit.invalid}") Integer usageLimit) {

	enum Kind {
		PERCENT, AMOUNT
	}

	static DiscountCodeForm empty(String currency) {
		return new DiscountCodeForm("", "", Kind.PERCENT, "", currency, null, null);
	}

	/** @throws DiscountCodeException when the value is not a percentage or amount */
	NewDiscountCode toRequest() {
		return new NewDiscountCode(code, bundle == null || bundle.isBlank() ? null : bundleId(bundle), discount(),
				validUntil == null ? null : validUntil.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC), usageLimit);
	}

	/** A bundle id that is not one (a tampered form) is the same 404 as someone else's bundle. */
	private static BundleId bundleId(String text) {
		try {
			return BundleId.of(text.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new BundleNotFoundException();
		}
	}

	private Discount discount() {
		try {
			if (kind == Kind.PERCENT) {
				return new Discount.Percent(Integer.parseInt(value.strip()));
			}
			return new Discount.Amount(MoneyInput.parse(value, Money.currencyOf(
					currency == null ? "" : currency.strip().toUpperCase(Locale.ROOT)), LocaleContextHolder.getLocale()));
		}
		catch (IllegalArgumentException | ArithmeticException ex) {
			throw new DiscountCodeException(
					kind == Kind.PERCENT ? "discount.percent.invalid" : "discount.amount.invalid");
		}
	}
}
