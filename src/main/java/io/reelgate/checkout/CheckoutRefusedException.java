package io.reelgate.checkout;

/**
 * The buyer may not acquire this bundle (for instance their own), or not on these terms (an amount below the
 * minimum, an expired code); carries a message code and its arguments for the page.
 */
public class CheckoutRefusedException extends RuntimeException {

	private final String code;

	private final transient Object[] arguments;

	public CheckoutRefusedException(String code, Object... arguments) {
		super(code);
		this.code = code;
		this.arguments = arguments;
	}

	public String code() {
		return code;
	}

	public Object[] arguments() {
		return arguments.clone();
	}
}
