package io.reelgate.catalog;

import io.reelgate.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * A bundle's price in a currency besides its main one, as the editor shows it: {@code amount} is the fixed price
 * (with an optional {@code rental} price) or the pay-what-you-want minimum (with the {@code suggested} amount).
 */
public record OtherPrice(Money amount, @Nullable Money suggested, @Nullable Money rental) {
}
