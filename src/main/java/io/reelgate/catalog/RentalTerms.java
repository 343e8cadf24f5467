package io.reelgate.catalog;

import io.reelgate.shared.Money;

/** A bundle's rental offer: what renting costs, and how many hours from the first play it streams. */
public record RentalTerms(Money price, int hours) {
}
