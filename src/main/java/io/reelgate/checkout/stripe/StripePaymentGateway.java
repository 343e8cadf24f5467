package io.reelgate.checkout.stripe;

import java.util.Locale;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.checkout.SessionCreateParams;
import com.stripe.param.checkout.SessionCreateParams.LineItem;
import com.stripe.param.checkout.SessionCreateParams.LineItem.PriceData;
import com.stripe.param.checkout.SessionCreateParams.PaymentIntentData;
import io.reelgate.checkout.PaymentGateway;
import io.reelgate.checkout.PaymentGatewayException;
import io.reelgate.shared.OrderId;
import io.reelgate.shared.PublicUrlProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/**
 * Stripe Checkout with destination charges: the buyer pays on Stripe's page, the creator's Connect account gets
 * the price less the platform fee ({@code application_fee_amount}). Every call that creates something carries an
 * idempotency key made from our own order id, so a retried request never creates a second session or refund.
 */
@Component
@Conditional(StripeMode.On.class)
class StripePaymentGateway implements PaymentGateway {

	private static final Logger log = LoggerFactory.getLogger(StripePaymentGateway.class);

	static final String ORDER_ID = "order_id";

	private final StripeClient stripe;

	private final StripeProperties properties;

	private final PublicUrlProperties site;

	StripePaymentGateway(StripeClient stripe, StripeProperties properties, PublicUrlProperties site) {
		this.stripe = stripe;
		this.properties = properties;
		this.site = site;
	}

	@Override
	public String name() {
		return "stripe";
	}

	@Override
	public String describe() {
		return properties.testMode() ? "Stripe (test mode)" : "Stripe (live)";
	}

	@Override
	public boolean paysSellersOut() {
		return true;
	}

	@Override
	public PaymentRedirect startPayment(PaymentRequest request) {
		String orderId = request.orderId().toString();
		PaymentIntentData.Builder intent = PaymentIntentData.builder()
			.putMetadata(ORDER_ID, orderId)
			.setApplicationFeeAmount(request.fee().minor());
		if (request.destinationAccount() != null) {
			intent.setTransferData(PaymentIntentData.TransferData.builder()
				.setDestination(request.destinationAccount())
				.build());
		}
		SessionCreateParams params = SessionCreateParams.builder()
			.setMode(SessionCreateParams.Mode.PAYMENT)
			.addLineItem(LineItem.builder()
				.setQuantity(1L)
				.setPriceData(PriceData.builder()
					.setCurrency(request.amount().currency().getCurrencyCode().toLowerCase(Locale.ROOT))
					.setUnitAmount(request.amount().minor())
					.setProductData(PriceData.ProductData.builder().setName(request.description()).build())
					.build())
				.build())
			.setClientReferenceId(orderId)
			.putMetadata(ORDER_ID, orderId)
			.setCustomerEmail(request.buyerEmail())
			.setPaymentIntentData(intent.build())
			.setExpiresAt(request.expiresAt().getEpochSecond())
			// Stripe fills in the placeholder; it must reach Stripe unencoded.
			.setSuccessUrl(site.link("/checkout/stripe/return") + "?session_id={CHECKOUT_SESSION_ID}")
			.setCancelUrl(site.link("/checkout/stripe/cancelled") + "?order=" + orderId)
			.build();
		try {
			Session session = stripe.v1().checkout().sessions().create(params, idempotent("checkout-" + orderId));
			return new PaymentRedirect(session.getUrl(), session.getId());
		}
		catch (StripeException ex) {
			throw new PaymentGatewayException("Stripe refused to create a checkout session for order " + orderId, ex);
		}
	}

	/** Takes the creator's share back from their account and returns the platform fee too. */
	@Override
	public void refund(OrderId orderId, String paymentRef) {
		RefundCreateParams params = RefundCreateParams.builder()
			.setPaymentIntent(paymentRef)
			.setReverseTransfer(true)
			.setRefundApplicationFee(true)
			.putMetadata(ORDER_ID, orderId.toString())
			.build();
		try {
			stripe.v1().refunds().create(params, idempotent("refund-" + orderId));
		}
		catch (StripeException ex) {
			throw new PaymentGatewayException("Stripe refused to refund order " + orderId, ex);
		}
	}

	/**
	 * Expires the Checkout Session, so the buyer's other tab cannot pay any more. A session that has completed or
	 * expired meanwhile is refused by Stripe, which is fine: a payment is refunded when its webhook arrives.
	 */
	@Override
	public void closeCheckout(OrderId orderId, String checkoutSessionId) {
		try {
			stripe.v1().checkout().sessions().expire(checkoutSessionId);
		}
		catch (StripeException ex) {
			log.info("Checkout session {} of order {} was not expired: {}", checkoutSessionId, orderId,
					ex.getMessage());
		}
	}

	static RequestOptions idempotent(String key) {
		return RequestOptions.builder().setIdempotencyKey(key).build();
	}
}
