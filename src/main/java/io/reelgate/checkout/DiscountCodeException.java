package io.reelgate.checkout;

/** A creator asked for a discount code the rules forbid; carries a message code and arguments for the form. */
public class DiscountCodeException extends RuntimeException {

	private final String code;

	private final transient Object[] arguments;

	public DiscountCodeException(String code, Object... arguments) {
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
