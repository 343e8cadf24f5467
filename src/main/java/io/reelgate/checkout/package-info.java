/**
 * Orders and payment: the {@code PaymentGateway} port with its Stripe and simulated adapters, refunds, discount
 * codes, the ledger, and the events buyers' access follows ({@code OrderPaid}, {@code OrderRevoked}).
 */
@ApplicationModule(allowedDependencies = { "accounts", "catalog", "ratelimit" })
package io.reelgate.checkout;

import org.springframework.modulith.ApplicationModule;
