package io.reelgate.accounts;

/** Taking the admin role away would leave the site without an admin. */
public class LastAdminException extends RuntimeException {

	public LastAdminException() {
		super("The last admin keeps the role");
	}
}
