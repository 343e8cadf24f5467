package io.reelgate.checkout.stripe;

import com.stripe.StripeClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/**
 * One {@link StripeClient} for the application, built from configuration: never the global {@code Stripe.apiKey}.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(StripeMode.On.class)
class StripeConfiguration {

	private static final Logger log = LoggerFactory.getLogger(StripeConfiguration.class);

	@Bean
	StripeClient stripeClient(StripeProperties properties) {
		if (!StringUtils.hasText(properties.webhookSecret())) {
			throw new IllegalStateException("reelgate.stripe.webhook-secret must be set when reelgate.stripe.secret-key is: "
					+ "without it no payment can be confirmed");
		}
		StripeClient.StripeClientBuilder builder = StripeClient.builder()
			.setApiKey(properties.secretKey())
			.setConnectTimeout(10_000)
			.setReadTimeout(30_000)
			.setMaxNetworkRetries(2);
		if (StringUtils.hasText(properties.apiBase())) {
			builder.setApiBase(properties.apiBase()).setConnectBase(properties.apiBase()).setMaxNetworkRetries(0);
		}
		log.info("Payments go through Stripe ({})", properties.testMode() ? "test mode" : "LIVE mode");
		return builder.build();
	}
}
