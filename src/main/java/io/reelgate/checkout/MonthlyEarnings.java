package io.reelgate.checkout;

/** What a seller earned in one calendar month ({@code YYYY-MM}, UTC) and currency, from the ledger. */
public record MonthlyEarnings(String month, Totals totals) {
}
