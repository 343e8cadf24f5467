package io.reelgate.checkout.web;

import java.time.Duration;
import java.util.Map;

import io.reelgate.ratelimit.Limit;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CheckoutRateLimitPropertiesTests {

	private static final String PREFIX = "reelgate.rate-limits.checkout";

	@Test
	void defaultsToTenPerAccountAndThirtyPerAddressEveryTenMinutes() {
		CheckoutRateLimitProperties limits = bind(Map.of());

		assertThat(limits.perAccount()).isEqualTo(new Limit(10, Duration.ofMinutes(10)));
		assertThat(limits.perIp()).isEqualTo(new Limit(30, Duration.ofMinutes(10)));
	}

	@Test
	void bindsOperatorSettings() {
		CheckoutRateLimitProperties limits = bind(Map.of(PREFIX + ".per-account.capacity", "3",
				PREFIX + ".per-account.period", "1h", PREFIX + ".per-ip.capacity", "50", PREFIX + ".per-ip.period",
				"15m"));

		assertThat(limits.perAccount()).isEqualTo(new Limit(3, Duration.ofHours(1)));
		assertThat(limits.perIp()).isEqualTo(new Limit(50, Duration.ofMinutes(15)));
	}

	@Test
	void refusesLimitsThatCannotWork() {
		assertThatExceptionOfType(BindException.class).isThrownBy(() -> bind(
				Map.of(PREFIX + ".per-account.capacity", "0", PREFIX + ".per-account.period", "10m")));
		assertThatExceptionOfType(BindException.class).isThrownBy(() -> bind(
				Map.of(PREFIX + ".per-ip.capacity", "5", PREFIX + ".per-ip.period", "0s")));
		assertThatExceptionOfType(BindException.class)
			.isThrownBy(() -> bind(Map.of(PREFIX + ".per-ip.capacity", "5")));
	}

	private static CheckoutRateLimitProperties bind(Map<String, String> settings) {
		return new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate(PREFIX,
				CheckoutRateLimitProperties.class);
	}
}
