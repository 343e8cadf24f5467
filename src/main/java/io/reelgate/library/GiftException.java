package io.reelgate.library;

/** A gift could not be claimed or resent (link unknown, used, expired, voided; too soon); carries a message code. */
public class GiftException extends RuntimeException {

	private final String code;

	public GiftException(String code) {
		super(code);
		this.code = code;
	}

	public String code() {
		return code;
	}
}
