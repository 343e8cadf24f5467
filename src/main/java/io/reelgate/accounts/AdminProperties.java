package io.reelgate.accounts;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The first admin account, created on start when no admin exists yet. Set through the environment
 * ({@code REELGATE_ADMIN_EMAIL}, {@code REELGATE_ADMIN_PASSWORD}) or {@code config/application.yml}.
 */
@ConfigurationProperties("reelgate.admin")
@Validated
record AdminProperties(@Email String email, @Size(min = 10, message = "must be at least 10 characters") String password,
		@DefaultValue("Administrator") @Size(max = 80) String displayName) {

	boolean configured() {
		return email != null && !email.isBlank() && password != null && !password.isBlank();
	}
}
