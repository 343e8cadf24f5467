package io.reelgate.checkout.stripe;

import java.util.List;
import java.util.Locale;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Transfer;
import com.stripe.param.TransferCreateParams;
import com.stripe.param.TransferReversalCreateParams;
import io.reelgate.checkout.PaymentGatewayException;
import io.reelgate.checkout.Payouts;
import io.reelgate.shared.OrderId;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Conditional;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Moves the parties' shares of paid orders to their Connect accounts (separate charges and transfers), after the
 * payment settled and outside any transaction: each transfer is made first and recorded after, with an idempotency
 * key per order and recipient, so a retry after a failure between the two finds the first transfer rather than
 * making a second. A share whose recipient cannot take transfers yet stays due; the job below sends it once they
 * finished onboarding, and retries transfers that failed. When a payment goes back, {@link #reverse} takes every
 * transferred share back.
 */
@Component
@Conditional(StripeMode.On.class)
class StripeTransfers {

	private static final Logger log = LoggerFactory.getLogger(StripeTransfers.class);

	/** Shares sent per run of the job; the rest waits for the next run. */
	private static final int BATCH = 100;

	private final StripeClient stripe;

	private final Payouts payouts;

	StripeTransfers(StripeClient stripe, Payouts payouts) {
		this.stripe = stripe;
		this.payouts = payouts;
	}

	/** Transfers the due shares of a paid order; call outside any transaction. */
	void pay(OrderId order) {
		payouts.due(order).forEach(this::send);
	}

	@Scheduled(fixedDelayString = "${reelgate.stripe.transfer-interval:5m}", initialDelayString = "1m")
	@SchedulerLock(name = "stripe-transfers")
	void payDue() {
		for (Payouts.Due due : payouts.dueAll(BATCH)) {
			try {
				send(due);
			}
			catch (PaymentGatewayException ex) {
				log.warn("Could not transfer a share of order {}: {}", due.order(), ex.getMessage());
			}
		}
	}

	/** Takes back every share transferred for an order whose payment went back; cancels those not yet sent. */
	void reverse(OrderId order) {
		reverse(order, payouts.recall(order));
	}

	/**
	 * Takes back from each share transferred for an order whose dispute was lost the part the dispute took (all of
	 * it for a dispute over the whole payment); cancels those not yet sent.
	 */
	void reverseDisputed(OrderId order) {
		reverse(order, payouts.recallDisputed(order));
	}

	private void reverse(OrderId order, List<Payouts.Sent> recalled) {
		for (Payouts.Sent sent : recalled) {
			try {
				stripe.v1().transfers().reversals().create(sent.transferId(), TransferReversalCreateParams.builder()
					.setAmount(sent.amount().minor())
					.putMetadata(StripePaymentGateway.ORDER_ID, order.toString())
					.build(), StripePaymentGateway.idempotent("reversal-" + order + "-" + sent.recipient()));
			}
			catch (StripeException ex) {
				throw new PaymentGatewayException("Stripe refused to reverse transfer " + sent.transferId(), ex);
			}
			payouts.reversed(sent);
		}
	}

	private void send(Payouts.Due due) {
		TransferCreateParams.Builder params = TransferCreateParams.builder()
			.setAmount(due.amount().minor())
			.setCurrency(due.amount().currency().getCurrencyCode().toLowerCase(Locale.ROOT))
			.setDestination(due.destination())
			.setTransferGroup(StripePaymentGateway.transferGroup(due.order()))
			.putMetadata(StripePaymentGateway.ORDER_ID, due.order().toString());
		if (due.sourceCharge() != null) {
			// Tied to the charge, the transfer waits for its funds instead of failing on an empty balance.
			params.setSourceTransaction(due.sourceCharge());
		}
		Transfer transfer;
		try {
			transfer = stripe.v1().transfers().create(params.build(),
					StripePaymentGateway.idempotent("transfer-" + due.order() + "-" + due.recipient()));
		}
		catch (StripeException ex) {
			throw new PaymentGatewayException("Stripe refused a transfer for order " + due.order(), ex);
		}
		if (!payouts.sent(due, transfer.getId())) {
			// The payment went back while the transfer was on its way: take it back at once.
			log.info("Order {} was refunded while transfer {} was made: reversing it", due.order(), transfer.getId());
			reverseLate(due, transfer.getId());
		}
	}

	private void reverseLate(Payouts.Due due, String transferId) {
		try {
			stripe.v1().transfers().reversals().create(transferId, TransferReversalCreateParams.builder()
				.setAmount(due.amount().minor())
				.build(), StripePaymentGateway.idempotent("reversal-" + due.order() + "-" + due.recipient()));
		}
		catch (StripeException ex) {
			throw new PaymentGatewayException("Stripe refused to reverse transfer " + transferId, ex);
		}
	}
}
