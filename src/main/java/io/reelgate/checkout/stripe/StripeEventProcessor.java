package io.reelgate.checkout.stripe;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.stripe.StripeClient;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.exception.StripeException;
import com.stripe.model.Account;
import com.stripe.model.Charge;
import com.stripe.model.Dispute;
import com.stripe.model.Event;
import com.stripe.model.PaymentIntent;
import com.stripe.model.checkout.Session;
import com.stripe.net.Webhook;
import io.micrometer.core.instrument.MeterRegistry;
import io.reelgate.checkout.OrderPayments;
import io.reelgate.checkout.OrderStatus;
import io.reelgate.checkout.PaymentGatewayException;
import io.reelgate.checkout.Sellers;
import io.reelgate.shared.OrderId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Handles a webhook delivery: verifies Stripe's signature (with its timestamp tolerance), re-fetches the object the
 * event is about (so arrival order does not matter and the event's API version need not match the library's), then
 * records the event id and applies the change in one transaction, so a redelivered event changes nothing and a
 * failure leaves nothing half done (Stripe retries). Unused event types are acknowledged and ignored.
 */
@Component
@Conditional(StripeMode.On.class)
class StripeEventProcessor {

	static final Set<String> SESSION_EVENTS = Set.of("checkout.session.completed",
			"checkout.session.async_payment_succeeded", "checkout.session.async_payment_failed",
			"checkout.session.expired");

	static final Set<String> DISPUTE_EVENTS = Set.of("charge.dispute.created", "charge.dispute.updated",
			"charge.dispute.closed");

	private static final Logger log = LoggerFactory.getLogger(StripeEventProcessor.class);

	private final StripeClient stripe;

	private final StripeProperties properties;

	private final StripeSessions sessions;

	private final StripeEvents events;

	private final OrderPayments payments;

	private final Sellers sellers;

	private final TransactionTemplate transactions;

	private final MeterRegistry meters;

	private final Clock clock;

	StripeEventProcessor(StripeClient stripe, StripeProperties properties, StripeSessions sessions,
			StripeEvents events, OrderPayments payments, Sellers sellers, TransactionTemplate transactions,
			MeterRegistry meters, Clock clock) {
		this.stripe = stripe;
		this.properties = properties;
		this.sessions = sessions;
		this.events = events;
		this.payments = payments;
		this.sellers = sellers;
		this.transactions = transactions;
		this.meters = meters;
		this.clock = clock;
	}

	/** @throws SignatureVerificationException for a missing, wrong, tampered or too old signature */
	void process(String payload, String signature) throws SignatureVerificationException {
		Event event = Webhook.constructEvent(payload, signature, properties.webhookSecret(),
				properties.webhookTolerance().toSeconds());
		if (event.getCreated() != null) {
			meters.timer("reelgate.stripe.webhook.lag", "type", event.getType())
				.record(Duration.between(Instant.ofEpochSecond(event.getCreated()), clock.instant()));
		}
		Optional<Runnable> change = resolve(event);
		if (change.isEmpty()) {
			return;
		}
		transactions.executeWithoutResult(status -> {
			if (events.firstTime(event.getId(), event.getType())) {
				change.get().run();
			}
			else {
				log.debug("Stripe event {} was processed before", event.getId());
			}
		});
	}

	/** Fetches what the event is about and says what to do about it; called outside any transaction. */
	private Optional<Runnable> resolve(Event event) {
		String type = event.getType();
		try {
			if (SESSION_EVENTS.contains(type)) {
				Session session = sessions.retrieve(objectId(event));
				return Optional.of(() -> sessions.settle(session));
			}
			if ("charge.refunded".equals(type)) {
				Charge charge = stripe.v1().charges().retrieve(objectId(event));
				if (!Boolean.TRUE.equals(charge.getRefunded())) {
					log.info("Partial refund of charge {} ignored: Reelgate refunds whole orders only", charge.getId());
					return Optional.empty();
				}
				return orderPaidBy(charge.getPaymentIntent())
					.map(order -> () -> payments.refunded(order, charge.getPaymentIntent()));
			}
			if (DISPUTE_EVENTS.contains(type)) {
				Dispute dispute = stripe.v1().disputes().retrieve(objectId(event));
				return orderPaidBy(dispute.getPaymentIntent()).map(order -> () -> applyDispute(order, dispute));
			}
			if ("account.updated".equals(type)) {
				Account account = stripe.v1().accounts().retrieve(objectId(event));
				return Optional.of(() -> sellers.update(account.getId(), Boolean.TRUE.equals(account.getChargesEnabled()),
						Boolean.TRUE.equals(account.getPayoutsEnabled()),
						Boolean.TRUE.equals(account.getDetailsSubmitted())));
			}
		}
		catch (StripeException ex) {
			throw new PaymentGatewayException("Could not fetch the object of Stripe event " + event.getId(), ex);
		}
		return Optional.empty();
	}

	/** A dispute the seller won restores access; an open one suspends it; a lost one leaves it suspended. */
	private void applyDispute(OrderId order, Dispute dispute) {
		payments.find(order).filter(o -> o.status() == OrderStatus.PENDING)
			.ifPresent(o -> payments.confirmPayment(order, dispute.getPaymentIntent()));
		if ("won".equals(dispute.getStatus())) {
			payments.disputeWon(order);
		}
		else {
			payments.disputed(order);
		}
	}

	/**
	 * Our order for a PaymentIntent: by the reference stored when it was paid, or, when the refund or dispute is
	 * the first we hear of it, by the order id we put in the PaymentIntent's metadata.
	 */
	private Optional<OrderId> orderPaidBy(String paymentIntentId) throws StripeException {
		if (paymentIntentId == null) {
			return Optional.empty();
		}
		Optional<OrderId> known = payments.findByPaymentRef(paymentIntentId);
		if (known.isPresent()) {
			return known;
		}
		PaymentIntent intent = stripe.v1().paymentIntents().retrieve(paymentIntentId);
		String reference = intent.getMetadata() == null ? null : intent.getMetadata().get(StripePaymentGateway.ORDER_ID);
		try {
			return Optional.ofNullable(reference).map(OrderId::of).filter(id -> payments.find(id).isPresent());
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	private static String objectId(Event event) {
		JsonObject object = JsonParser.parseString(event.getDataObjectDeserializer().getRawJson()).getAsJsonObject();
		return object.get("id").getAsString();
	}
}
