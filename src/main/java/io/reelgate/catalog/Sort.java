package io.reelgate.catalog;

import java.util.Arrays;
import java.util.Optional;

/**
 * The orders the storefront and tag pages list bundles in, each walking an index of public bundles (V41) so that a
 * deep page costs what the first does. {@code key} is the SQL of the sort key over {@code b}; ties go by id, in the
 * same direction, so every bundle has one place and keyset links stay stable.
 */
public enum Sort {

	/** Newest first: the default. */
	NEW("new", "b.published_at", true),
	/** Most people got it (bought, claimed, unlocked) over the recent window {@code library.Popularity} counts. */
	POPULAR("popular", "b.popularity", true),
	/** Cheapest first: free as 0, pay what you want by its minimum, in each bundle's main currency. */
	PRICE("price", "coalesce(b.price_minor, 0)", false),
	/** Dearest first. */
	PRICE_DESC("price-desc", "coalesce(b.price_minor, 0)", true);

	private final String parameter;

	private final String key;

	private final boolean descending;

	Sort(String parameter, String key, boolean descending) {
		this.parameter = parameter;
		this.key = key;
		this.descending = descending;
	}

	/** The value of {@code ?sort=} that asks for this order. */
	public String parameter() {
		return parameter;
	}

	public boolean isDefault() {
		return this == NEW;
	}

	/** The order named by {@code ?sort=}; empty for anything else (the caller shows the default). */
	public static Optional<Sort> parse(String parameter) {
		return Arrays.stream(values()).filter(s -> s.parameter.equals(parameter)).findFirst();
	}

	String key() {
		return key;
	}

	boolean descending() {
		return descending;
	}
}
