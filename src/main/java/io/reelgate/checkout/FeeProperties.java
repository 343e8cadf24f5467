package io.reelgate.checkout;

import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The platform's fee on each sale.
 *
 * @param basisPoints the percentage part in hundredths of a percent (1000 = 10 %)
 * @param fixed a fixed part per currency in minor units, added to the percentage (e.g. {@code USD: 30})
 */
@ConfigurationProperties("reelgate.fees")
@Validated
record FeeProperties(@DefaultValue("1000") @Min(0) @Max(10000) int basisPoints, Map<String, Long> fixed) {

	FeeProperties {
		fixed = fixed == null ? Map.of() : Map.copyOf(fixed);
	}
}
