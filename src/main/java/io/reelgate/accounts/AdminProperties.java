package io.reelgate.accounts;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The first admin account, created on start when no admin exists yet. Set through the environment
 * ({@code REELGATE_ADMIN_EMAIL}, {@code REELGATE_ADMIN_PASSWORD}) or {@code config/application.yml}.
 */
@ConfigurationProperties("reelgate.admin")
record AdminProperties(String email, String password, @DefaultValue("Administrator") String displayName) {

	boolean configured() {
		return email != null && !email.isBlank() && password != null && !password.isBlank();
	}
}
