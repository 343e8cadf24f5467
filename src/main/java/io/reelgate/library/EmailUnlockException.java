package io.reelgate.library;

/** An email unlock was refused (no consent, link used or expired, wrong gate); carries a message code. */
public class EmailUnlockException extends RuntimeException {

	private final String code;

	public EmailUnlockException(String code) {
		super(code);
		this.code = code;
	}

	public String code() {
		return code;
	}
}
