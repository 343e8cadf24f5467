package io.reelgate.checkout;

/** The buyer may not acquire this bundle (for instance their own); carries a message code for the page. */
public class CheckoutRefusedException extends RuntimeException {

	private final String code;

	public CheckoutRefusedException(String code) {
		super(code);
		this.code = code;
	}

	public String code() {
		return code;
	}
}
