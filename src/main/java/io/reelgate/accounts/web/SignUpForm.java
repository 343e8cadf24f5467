package io.reelgate.accounts.web;

import io.reelgate.accounts.Role;
import io.reelgate.accounts.SignUp;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

record SignUpForm(
		@NotBlank(message = "{signup.email.required}") @Email(message = "{signup.email.invalid}") @Size(max = 320) String email,
		@NotBlank(message = "{signup.displayName.required}") @Size(max = 80, message = "{signup.displayName.size}") String displayName,
		@NotBlank(message = "{signup.password.required}") @Size(min = 10, max = 200, message = "{signup.password.size}") String password,
		@NotNull(message = "{signup.accountType.required}") AccountType accountType) {

	static SignUpForm empty(AccountType type) {
		return new SignUpForm("", "", "", type);
	}

	SignUp toSignUp() {
		return new SignUp(email, displayName, password, accountType.role);
	}

	/** The account kinds a person may choose at sign-up; admin is deliberately not one of them. */
	enum AccountType {
		VIEWER(Role.VIEWER), CREATOR(Role.CREATOR);

		private final Role role;

		AccountType(Role role) {
			this.role = role;
		}
	}
}
