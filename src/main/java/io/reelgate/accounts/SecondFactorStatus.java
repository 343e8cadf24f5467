package io.reelgate.accounts;

/**
 * Whether an account must show a second factor in a session, worked out when it signs in. Either demanding state
 * puts an authority on the principal ({@link #authority()}), which the web layer's rules read to require
 * {@link SecondFactors#FACTOR_AUTHORITY} on every signed-in page.
 */
public enum SecondFactorStatus {

	/** No authenticator is set up and the operator does not require one for this account. */
	NOT_REQUIRED(null),
	/** An authenticator is set up: a code is asked for after the password. */
	ENROLLED("SECOND_FACTOR_ENROLLED"),
	/** The operator requires one for this account but none is set up yet: it is sent to set one up. */
	ENROLMENT_REQUIRED("SECOND_FACTOR_ENROLMENT_REQUIRED");

	private final String authority;

	SecondFactorStatus(String authority) {
		this.authority = authority;
	}

	/** The marker authority, or null when nothing is demanded. */
	public String authority() {
		return authority;
	}
}
