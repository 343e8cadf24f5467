package io.reelgate.checkout.stripe;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/** Stripe is used exactly when {@code reelgate.stripe.secret-key} is set; otherwise payments are simulated. */
public final class StripeMode {

	private StripeMode() {
	}

	static boolean configured(ConditionContext context) {
		return StringUtils.hasText(context.getEnvironment().getProperty("reelgate.stripe.secret-key"));
	}

	/** Matches when Stripe keys are configured. */
	public static final class On implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return configured(context);
		}
	}

	/** Matches when they are not: the simulated gateway's beans. */
	public static final class Off implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return !configured(context);
		}
	}
}
