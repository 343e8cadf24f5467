package io.reelgate.catalog;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits on what creators upload and charge.
 *
 * @param maxFileSize the largest single file a bundle may hold
 * @param maxCoverSize the largest cover image
 * @param prices the currencies a bundle may be priced in, with the lowest and highest price in minor units
 */
@ConfigurationProperties("reelgate.catalog")
record CatalogProperties(@DefaultValue("20GB") DataSize maxFileSize, @DefaultValue("10MB") DataSize maxCoverSize,
		Map<String, PriceLimits> prices) {

	CatalogProperties {
		if (prices == null || prices.isEmpty()) {
			prices = Map.of("USD", new PriceLimits(100, 100_000), "EUR", new PriceLimits(100, 100_000), "GBP",
					new PriceLimits(100, 100_000));
		}
	}

	/** The price range of one currency, both in minor units and inclusive. */
	record PriceLimits(long min, long max) {
	}
}
