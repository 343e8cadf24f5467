package io.reelgate.accounts;

/** No account with that id; shown as a 404. */
public class AccountNotFoundException extends RuntimeException {

	public AccountNotFoundException() {
		super("No such account");
	}
}
