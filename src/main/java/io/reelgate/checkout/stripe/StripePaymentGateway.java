package io.reelgate.checkout.stripe;

import java.util.Locale;

import com.stripe.StripeClient;
import com.stripe.exception.InvalidRequestException;
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
import io.reelgate.checkout.TaxProperties;
import io.reelgate.shared.OrderId;
import io.reelgate.shared.PublicUrlProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/**
 * Stripe Checkout with separate charges and transfers: the buyer pays the platform on Stripe's page, Stripe Tax adds
 * or takes out the sales tax or VAT for the buyer's address ({@code automatic_tax}, a product tax code for digital
 * video), and once the payment settled each party's share is transferred to their Connect account
 * ({@link StripeTransfers}, one {@code transfer_group} per order). The fee and the shares are computed then, on the
 * net the session reports, which the session's creation cannot know. Every call that creates something carries an
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

	private final TaxProperties tax;

	private final StripeTransfers transfers;

	StripePaymentGateway(StripeClient stripe, StripeProperties properties, PublicUrlProperties site, TaxProperties tax,
			StripeTransfers transfers) {
		this.stripe = stripe;
		this.properties = properties;
		this.site = site;
		this.tax = tax;
		this.transfers = transfers;
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
	public boolean showsOrderSummary() {
		return false;
	}

	@Override
	public boolean paysSellersOut() {
		return true;
	}

	@Override
	public PaymentRedirect startPayment(PaymentRequest request) {
		String orderId = request.orderId().toString();
		SessionCreateParams params = sessionParams(request);
		try {
			Session session = stripe.v1().checkout().sessions().create(params, idempotent("checkout-" + orderId));
			return new PaymentRedirect(session.getUrl(), session.getId());
		}
		catch (StripeException ex) {
			throw new PaymentGatewayException("Stripe refused to create a checkout session for order " + orderId, ex);
		}
	}

	/**
	 * The Checkout Session of one order: one line item at the server's price, taxed as configured, with the order's
	 * id on the session and its PaymentIntent, and the PaymentIntent in the order's transfer group.
	 */
	private SessionCreateParams sessionParams(PaymentRequest request) {
		String orderId = request.orderId().toString();
		PaymentIntentData.Builder intent = PaymentIntentData.builder()
			.putMetadata(ORDER_ID, orderId)
			.setTransferGroup(transferGroup(request.orderId()));
		PriceData.ProductData.Builder product = PriceData.ProductData.builder().setName(request.description());
		PriceData.Builder price = PriceData.builder()
			.setCurrency(request.amount().currency().getCurrencyCode().toLowerCase(Locale.ROOT))
			.setUnitAmount(request.amount().minor());
		SessionCreateParams.Builder builder = SessionCreateParams.builder();
		if (tax.enabled()) {
			automaticTax(request, product, price, builder);
		}
		return builder
			.setMode(SessionCreateParams.Mode.PAYMENT)
			.addLineItem(LineItem.builder()
				.setQuantity(1L)
				.setPriceData(price.setProductData(product.build()).build())
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
	}

	/** Stripe Tax on the session: the product's tax code for the kind of order, the price's behaviour, an address. */
	private void automaticTax(PaymentRequest request, PriceData.ProductData.Builder product, PriceData.Builder price,
			SessionCreateParams.Builder session) {
		product.setTaxCode(tax.codeFor(request.kind()));
		price.setTaxBehavior(tax.behavior() == TaxProperties.Behavior.INCLUSIVE
				? PriceData.TaxBehavior.INCLUSIVE : PriceData.TaxBehavior.EXCLUSIVE);
		session.setAutomaticTax(SessionCreateParams.AutomaticTax.builder().setEnabled(true).build())
			.setBillingAddressCollection("auto".equals(tax.billingAddress())
					? SessionCreateParams.BillingAddressCollection.AUTO
					: SessionCreateParams.BillingAddressCollection.REQUIRED);
	}

	/**
	 * Refunds the whole charge, tax included, then takes each share transferred for the order back from its
	 * recipient's account (a share not yet transferred is cancelled instead).
	 */
	@Override
	public void refund(OrderId orderId, String paymentRef) {
		RefundCreateParams.Builder params = RefundCreateParams.builder()
			.setPaymentIntent(paymentRef)
			.putMetadata(ORDER_ID, orderId.toString());
		if (destinationCharge(paymentRef)) {
			// Paid before separate charges and transfers: the creator's share and the fee come back with the refund.
			params.setReverseTransfer(true).setRefundApplicationFee(true);
		}
		try {
			stripe.v1().refunds().create(params.build(), idempotent("refund-" + orderId));
		}
		catch (StripeException ex) {
			throw new PaymentGatewayException("Stripe refused to refund order " + orderId, ex);
		}
		transfers.reverse(orderId);
	}

	/** Whether the payment was a destination charge (orders paid before transfers), which the refund reverses. */
	private boolean destinationCharge(String paymentRef) {
		try {
			return stripe.v1().paymentIntents().retrieve(paymentRef).getTransferData() != null;
		}
		catch (InvalidRequestException ex) {
			if (Integer.valueOf(404).equals(ex.getStatusCode())) {
				return false;
			}
			throw new PaymentGatewayException("Could not look up payment " + paymentRef, ex);
		}
		catch (StripeException ex) {
			throw new PaymentGatewayException("Could not look up payment " + paymentRef, ex);
		}
	}

	/** The {@code transfer_group} tying an order's charge to the transfers of its shares. */
	static String transferGroup(OrderId orderId) {
		return "order-" + orderId;
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
