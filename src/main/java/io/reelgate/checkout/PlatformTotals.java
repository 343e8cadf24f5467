package io.reelgate.checkout;

/** The platform's totals in one currency: sales booked, gross, fees kept and creators' share. */
public record PlatformTotals(long sales, Totals totals) {
}
