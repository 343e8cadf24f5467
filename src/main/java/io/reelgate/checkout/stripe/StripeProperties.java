package io.reelgate.checkout.stripe;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Stripe settings. With {@code secretKey} set, Reelgate takes real payments through Stripe; then
 * {@code webhookSecret} is required too.
 *
 * @param secretKey the secret API key ({@code sk_test_…} or {@code sk_live_…})
 * @param publishableKey the publishable key ({@code pk_…}), for pages that talk to Stripe from the browser
 * @param webhookSecret the signing secret of the webhook endpoint ({@code whsec_…})
 * @param webhookTolerance how old a signed webhook may be before it is refused (replay protection)
 * @param apiBase another address for Stripe's API (tests point it at a local stub); blank means Stripe
 * @param connectCountry the country of new creators' Express accounts
 * @param reconcileAfter how long after checkout an unpaid order is checked with Stripe by the reconciliation job
 */
@ConfigurationProperties("reelgate.stripe")
public record StripeProperties(@Nullable String secretKey, @Nullable String publishableKey,
		@Nullable String webhookSecret, @DefaultValue("5m") Duration webhookTolerance, @Nullable String apiBase,
		@DefaultValue("US") String connectCountry, @DefaultValue("10m") Duration reconcileAfter) {

	boolean testMode() {
		return secretKey != null && secretKey.startsWith("sk_test_");
	}
}
