package io.reelgate.catalog;

import java.util.List;
import java.util.Map;

import io.reelgate.shared.Money;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits on what creators upload and charge.
 *
 * @param maxFileSize the largest single file a bundle may hold
 * @param maxCoverSize the largest cover image
 * @param storageQuota the most bytes of files one creator may keep, over all their bundles (covers not counted)
 * @param allowedTypes the media types files may have, as detected from their bytes; {@code type/*} allows a whole
 * family
 * @param prices the currencies a bundle may be priced in, with the lowest and highest price in minor units: a
 * bundle has a main price in one of them and may have a price in each of the others
 * @param defaultCurrency the currency the editor proposes for a bundle's price
 */
@ConfigurationProperties("reelgate.catalog")
record CatalogProperties(@DefaultValue("20GB") DataSize maxFileSize, @DefaultValue("10MB") DataSize maxCoverSize,
		@DefaultValue("500GB") DataSize storageQuota,
		@DefaultValue({ "video/*", "audio/*", "image/*", "application/pdf", "text/plain", "application/zip" })
		List<String> allowedTypes, Map<String, PriceLimits> prices, @DefaultValue("USD") String defaultCurrency) {

	CatalogProperties {
		if (prices == null || prices.isEmpty()) {
			prices = Map.of("USD", new PriceLimits(100, 100_000), "EUR", new PriceLimits(100, 100_000), "GBP",
					new PriceLimits(100, 100_000));
		}
	}

	/** The price range of one currency, both in minor units and inclusive. */
	record PriceLimits(long min, long max) {

		boolean allow(Money price) {
			return price.minor() >= min && price.minor() <= max;
		}
	}
}
