package io.reelgate.checkout;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.jspecify.annotations.Nullable;

/**
 * How an order is paid: through which gateway, at which of its checkouts, by which of its payments (for Stripe,
 * the PaymentIntent) and when the payment was confirmed. The reference of a confirmed payment never changes; a
 * refund records its own only when the order knew none, a payment that came after the order closed replaces it.
 */
@Embeddable
record Payment(@Column(name = "gateway") String gateway,
		@Column(name = "checkout_session_id") @Nullable String checkoutSessionId,
		@Column(name = "payment_ref") @Nullable String ref, @Column(name = "paid_at") @Nullable Instant paidAt) {

	static Payment at(String gateway) {
		return new Payment(gateway, null, null, null);
	}

	/** @throws IllegalStateException if {@code order} has another checkout at the gateway already */
	Payment withCheckoutSession(String sessionId, UUID order) {
		if (checkoutSessionId != null && !checkoutSessionId.equals(sessionId)) {
			throw new IllegalStateException("Order " + order + " already has checkout session " + checkoutSessionId);
		}
		return new Payment(gateway, sessionId, ref, paidAt);
	}

	/** @throws IllegalStateException if {@code order} was paid by another payment than {@code paymentRef} */
	void assertPaidBy(String paymentRef, UUID order) {
		if (!paymentRef.equals(ref)) {
			throw new IllegalStateException("Order " + order + " was already paid by " + ref);
		}
	}

	Payment paid(String paymentRef, Instant now) {
		return new Payment(gateway, checkoutSessionId, paymentRef, now);
	}

	/** A refund keeps the reference of the payment the order knew; only an order that knew none takes the refund's. */
	Payment refunded(@Nullable String paymentRef) {
		return ref != null ? this : new Payment(gateway, checkoutSessionId, paymentRef, paidAt);
	}

	/** A payment that arrived after the order closed unpaid, and went back: its reference is the order's now. */
	Payment refundedLate(String paymentRef) {
		return new Payment(gateway, checkoutSessionId, paymentRef, paidAt);
	}
}
