package io.reelgate.accounts;

/**
 * A passkey that was not registered: a forged or malformed attestation, one made for another origin or relying party,
 * one already registered, or a bad name. {@link #messageKey()} says which, in words for the person.
 */
public class PasskeyRefusedException extends RuntimeException {

	private final String messageKey;

	PasskeyRefusedException(String messageKey, String detail, Throwable cause) {
		super(detail, cause);
		this.messageKey = messageKey;
	}

	PasskeyRefusedException(String messageKey, String detail) {
		super(detail);
		this.messageKey = messageKey;
	}

	/** The messages.properties key of what the person is told. */
	public String messageKey() {
		return messageKey;
	}
}
