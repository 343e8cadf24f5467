package io.reelgate.checkout.stripe;

import java.util.Optional;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.model.checkout.Session;
import com.stripe.param.checkout.SessionRetrieveParams;
import io.reelgate.checkout.OrderClosedException;
import io.reelgate.checkout.OrderPayments;
import io.reelgate.checkout.OrderStatus;
import io.reelgate.checkout.OrderView;
import io.reelgate.checkout.PaymentGatewayException;
import io.reelgate.checkout.Settlement;
import io.reelgate.shared.Money;
import io.reelgate.shared.OrderId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/**
 * Brings an order in line with its Checkout Session as Stripe reports it now, whatever told us to look (a
 * webhook, the buyer's return, the reconciliation job). Deciding from the re-fetched session, never from the
 * event that arrived, makes late, duplicate and out-of-order notifications harmless.
 */
@Component
@Conditional(StripeMode.On.class)
class StripeSessions {

	private static final Logger log = LoggerFactory.getLogger(StripeSessions.class);

	private final StripeClient stripe;

	private final OrderPayments payments;

	private final StripePaymentGateway gateway;

	private final StripeTransfers transfers;

	StripeSessions(StripeClient stripe, OrderPayments payments, StripePaymentGateway gateway,
			StripeTransfers transfers) {
		this.stripe = stripe;
		this.payments = payments;
		this.gateway = gateway;
		this.transfers = transfers;
	}

	/** Asks Stripe for the session; call outside any transaction. */
	Session retrieve(String sessionId) {
		try {
			return fetch(sessionId);
		}
		catch (StripeException ex) {
			throw new PaymentGatewayException("Could not retrieve checkout session " + sessionId, ex);
		}
	}

	/** Like {@link #retrieve(String)}, leaving Stripe's answer to the caller (a webhook tells 404 from an outage). */
	Session fetch(String sessionId) throws StripeException {
		// With the PaymentIntent expanded, its charge is known: the parties' transfers are made from it.
		return stripe.v1().checkout().sessions().retrieve(sessionId,
				SessionRetrieveParams.builder().addExpand("payment_intent").build());
	}

	/** Our order for a session, from the reference we gave Stripe when creating it. */
	static Optional<OrderId> orderOf(Session session) {
		String reference = session.getClientReferenceId();
		if (reference == null && session.getMetadata() != null) {
			reference = session.getMetadata().get(StripePaymentGateway.ORDER_ID);
		}
		try {
			return Optional.ofNullable(reference).map(OrderId::of);
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	/**
	 * Paid sessions confirm the order, expired ones close it; sessions still open change nothing. Call outside any
	 * transaction: each step takes its own, so the order's lock is never held while Stripe is called (a late payment
	 * is refunded between the transaction that finds the order closed and the one that records the refund).
	 */
	Settled settle(Session session) {
		Optional<OrderId> order = orderOf(session).filter(id -> payments.find(id).isPresent());
		if (order.isEmpty()) {
			log.warn("Checkout session {} does not belong to any order of ours", session.getId());
			return Settled.UNKNOWN;
		}
		if ("paid".equals(session.getPaymentStatus()) && session.getPaymentIntent() != null) {
			try {
				PaymentIntent intent = session.getPaymentIntentObject();
				if (intent != null && intent.getTransferData() != null) {
					// A destination charge from before separate charges and transfers: Stripe paid the creator.
					payments.confirmPayment(order.get(), session.getPaymentIntent());
				}
				else {
					payments.confirmPayment(order.get(), session.getPaymentIntent(), settlement(session, order.get()));
				}
			}
			catch (OrderClosedException ex) {
				refundLatePayment(order.get(), session.getPaymentIntent());
				return Settled.CLOSED;
			}
			// The payment is recorded (now or by an earlier delivery); its shares go out after the commit.
			transfers.pay(order.get());
			return Settled.PAID;
		}
		if ("expired".equals(session.getStatus())) {
			payments.expire(order.get());
			return Settled.CLOSED;
		}
		return Settled.OPEN;
	}

	/**
	 * What the session says the buyer paid: {@code amount_total} (tax included, whether the price included it or
	 * had it added) and {@code total_details.amount_tax}, in the order's currency, with the buyer's country and the
	 * PaymentIntent's charge. A session without totals (none is reported before Stripe computed them) counts as the
	 * order's amount, untaxed.
	 */
	private Settlement settlement(Session session, OrderId order) {
		Money amount = payments.find(order).map(OrderView::amount).orElseThrow();
		PaymentIntent intent = session.getPaymentIntentObject();
		String charge = intent == null ? null : intent.getLatestCharge();
		if (session.getAmountTotal() == null) {
			return new Settlement(amount, new Money(0, amount.currency()), null, charge);
		}
		long tax = session.getTotalDetails() == null || session.getTotalDetails().getAmountTax() == null ? 0
				: session.getTotalDetails().getAmountTax();
		String country = session.getCustomerDetails() == null || session.getCustomerDetails().getAddress() == null
				? null : session.getCustomerDetails().getAddress().getCountry();
		return new Settlement(new Money(session.getAmountTotal(), amount.currency()), new Money(tax, amount.currency()),
				country, charge);
	}

	/**
	 * The buyer paid after the order had closed unpaid: they cancelled (the session stays payable in another tab)
	 * or it expired. Nothing was sold, so the money goes back, before the order records it: a failure leaves the order
	 * as it was for the retry, and the refund's idempotency key makes that retry harmless. An order refunded already
	 * (Stripe told us of the refund before the payment) is not refunded again.
	 */
	private void refundLatePayment(OrderId order, String paymentIntent) {
		OrderStatus status = payments.find(order).map(OrderView::status).orElseThrow();
		if (!status.closedUnpaid()) {
			log.warn("Order {} was closed before its payment {} was confirmed", order, paymentIntent);
			return;
		}
		gateway.refund(order, paymentIntent);
		payments.refundedLatePayment(order, paymentIntent);
		log.warn("Order {} had closed ({}) before its payment {} arrived: the payment was refunded", order, status,
				paymentIntent);
	}

	/** What settling found. */
	enum Settled {
		PAID, CLOSED, OPEN, UNKNOWN
	}
}
