package io.reelgate.checkout;

/** The payment provider could not be reached or refused a request; nothing was changed on our side. */
public class PaymentGatewayException extends RuntimeException {

	public PaymentGatewayException(String message, Throwable cause) {
		super(message, cause);
	}
}
