package io.reelgate.accounts;

/** What a person gives to open an account. Admins are never created by sign-up. */
public record SignUp(String email, String displayName, String password, Role role) {

	public SignUp {
		if (role == Role.ADMIN) {
			throw new IllegalArgumentException("Admins cannot sign up");
		}
	}
}
