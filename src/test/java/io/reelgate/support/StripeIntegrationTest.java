package io.reelgate.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application in Stripe mode, its Stripe client pointed at the local {@link StripeStub}. A context of its
 * own (with its own embedded PostgreSQL), shared by every Stripe test class.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import({ Fixtures.class, DatabaseOutage.class })
@ContextConfiguration(initializers = StripeIntegrationTest.StripeKeys.class)
public @interface StripeIntegrationTest {

	String WEBHOOK_SECRET = "whsec_test_reelgate";

	/** Turns Stripe mode on with test keys and the stub's address. */
	class StripeKeys implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("stripe-stub", Map.of(
					"reelgate.stripe.secret-key", "sk_test_reelgate",
					"reelgate.stripe.publishable-key", "pk_test_reelgate",
					"reelgate.stripe.webhook-secret", WEBHOOK_SECRET,
					"reelgate.stripe.api-base", StripeStub.get().baseUrl(),
					"reelgate.stripe.reconcile-after", "0s",
					"reelgate.stripe.reconcile-interval", "1h")));
		}
	}
}
