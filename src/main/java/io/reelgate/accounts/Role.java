package io.reelgate.accounts;

/** What an account may do. One role per account; admins moderate, they do not sell. */
public enum Role {
	VIEWER, CREATOR, ADMIN;

	/** The Spring Security authority name, e.g. {@code ROLE_CREATOR}. */
	public String authority() {
		return "ROLE_" + name();
	}
}
