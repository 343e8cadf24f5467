package io.reelgate.checkout.stripe;

import java.time.Clock;
import java.time.Duration;
import java.util.Currency;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import com.stripe.StripeClient;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.exception.StripeException;
import com.stripe.model.Account;
import com.stripe.model.Charge;
import com.stripe.model.Dispute;
import com.stripe.model.PaymentIntent;
import com.stripe.model.checkout.Session;
import io.micrometer.core.instrument.MeterRegistry;
import io.reelgate.checkout.OrderPayments;
import io.reelgate.checkout.OrderStatus;
import io.reelgate.checkout.PaymentGatewayException;
import io.reelgate.checkout.Sellers;
import io.reelgate.shared.Money;
import io.reelgate.shared.OrderId;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/**
 * Handles a webhook delivery: verifies Stripe's signature (see {@link WebhookSignature}), re-fetches the object the
 * event is about (so arrival order does not matter and the event's API version need not match the library's), applies
 * the change, and only then records the event id, so that a delivery which failed half way is applied again when
 * Stripe retries it. No transaction is open while Stripe is called: each change is made by {@link OrderPayments} or
 * {@link Sellers} in short transactions of their own, which lock the order and are idempotent, so deliveries of the
 * same event or of the same session that race each other all succeed and change the order once (a change that loses
 * a race all the same is run again by {@link RaceRetries}).
 * Unused event types, and objects Stripe no longer knows, are acknowledged and ignored.
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

	private final MeterRegistry meters;

	private final Clock clock;

	private final StripeTransfers transfers;

	StripeEventProcessor(StripeClient stripe, StripeProperties properties, StripeSessions sessions,
			StripeEvents events, OrderPayments payments, Sellers sellers, MeterRegistry meters, Clock clock,
			StripeTransfers transfers) {
		this.transfers = transfers;
		this.stripe = stripe;
		this.properties = properties;
		this.sessions = sessions;
		this.events = events;
		this.payments = payments;
		this.sellers = sellers;
		this.meters = meters;
		this.clock = clock;
	}

	/**
	 * Returns once the event's effect is durable (or there is none).
	 * @throws SignatureVerificationException for a missing, malformed, wrong, tampered, too old or future signature
	 * @throws PaymentGatewayException if Stripe could not be asked about the event's object
	 * @throws org.springframework.dao.DataAccessException if the database could not record the outcome
	 */
	void process(String payload, String signature) throws SignatureVerificationException {
		WebhookSignature.verify(payload, signature, properties.webhookSecret(), properties.webhookTolerance(), clock);
		Optional<WebhookEvent> parsed = WebhookEvent.parse(payload);
		if (parsed.isEmpty()) {
			log.warn("A correctly signed Stripe delivery of {} bytes is not an event: acknowledged, nothing done",
					payload.length());
			return;
		}
		WebhookEvent event = parsed.get();
		if (event.created() != null) {
			meters.timer("reelgate.stripe.webhook.lag", "type", event.type())
				.record(Duration.between(event.created(), clock.instant()));
		}
		if (events.recorded(event.id())) {
			log.info("Stripe event {} ({}) is a duplicate: it was applied before", event.id(), event.type());
			return;
		}
		Optional<Runnable> change = resolve(event);
		if (change.isEmpty()) {
			return;
		}
		RaceRetries.run("Stripe event " + event.id(), change.get());
		if (!events.record(event.id(), event.type())) {
			log.info("Stripe event {} ({}) is a duplicate: another delivery of it was applied meanwhile", event.id(),
					event.type());
		}
	}

	/** Fetches what the event is about and says what to do about it; called outside any transaction. */
	private Optional<Runnable> resolve(WebhookEvent event) {
		try {
			return change(event);
		}
		catch (InvalidRequestException ex) {
			if (Integer.valueOf(404).equals(ex.getStatusCode())) {
				// A retry would get the same answer for three days: an object of another account or mode, or deleted.
				log.warn("Stripe event {} ({}) is about {}, which Stripe does not know: acknowledged, nothing done",
						event.id(), event.type(), event.objectId());
				return Optional.empty();
			}
			throw new PaymentGatewayException("Could not fetch the object of Stripe event " + event.id(), ex);
		}
		catch (StripeException ex) {
			throw new PaymentGatewayException("Could not fetch the object of Stripe event " + event.id(), ex);
		}
	}

	/** The change for the event, from its object as Stripe has it now; none for event types we do not use. */
	private Optional<Runnable> change(WebhookEvent event) throws StripeException {
		String type = event.type();
		if (SESSION_EVENTS.contains(type)) {
			Session session = sessions.fetch(event.objectId());
			return Optional.of(() -> sessions.settle(session));
		}
		if ("charge.refunded".equals(type)) {
			return refund(stripe.v1().charges().retrieve(event.objectId()));
		}
		if (DISPUTE_EVENTS.contains(type)) {
			Dispute dispute = stripe.v1().disputes().retrieve(event.objectId());
			return orderPaidBy(dispute.getPaymentIntent()).map(order -> () -> applyDispute(order, dispute));
		}
		if ("account.updated".equals(type)) {
			Account account = stripe.v1().accounts().retrieve(event.objectId());
			return Optional.of(() -> sellers.update(account.getId(), Boolean.TRUE.equals(account.getChargesEnabled()),
					Boolean.TRUE.equals(account.getPayoutsEnabled()),
					Boolean.TRUE.equals(account.getDetailsSubmitted())));
		}
		return Optional.empty();
	}

	/** A charge refunded in full closes its order and takes the parties' shares back; a partial refund is ignored. */
	private Optional<Runnable> refund(Charge charge) throws StripeException {
		if (!Boolean.TRUE.equals(charge.getRefunded())) {
			log.info("Partial refund of charge {} ignored: Reelgate refunds whole orders only", charge.getId());
			return Optional.empty();
		}
		return orderPaidBy(charge.getPaymentIntent()).map(order -> () -> {
			payments.refunded(order, charge.getPaymentIntent());
			transfers.reverse(order);
		});
	}

	/** A dispute the seller won restores access; an open one suspends it; a lost one leaves it suspended. */
	private void applyDispute(OrderId order, Dispute dispute) {
		payments.find(order).filter(o -> o.status() == OrderStatus.PENDING)
			.ifPresent(o -> payments.confirmPayment(order, dispute.getPaymentIntent()));
		if ("won".equals(dispute.getStatus())) {
			payments.disputeWon(order);
		}
		else {
			payments.disputed(order, disputedAmount(dispute));
		}
		if ("lost".equals(dispute.getStatus())) {
			// The disputed money is gone for good: that part of each party's share comes back from their account.
			transfers.reverseDisputed(order);
		}
	}

	/** The amount the dispute is over; null (the whole payment) when Stripe does not say. */
	private static @Nullable Money disputedAmount(Dispute dispute) {
		if (dispute.getAmount() == null || dispute.getCurrency() == null) {
			return null;
		}
		try {
			return new Money(dispute.getAmount(), Currency.getInstance(dispute.getCurrency().toUpperCase(Locale.ROOT)));
		}
		catch (IllegalArgumentException ex) {
			return null;
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
}
