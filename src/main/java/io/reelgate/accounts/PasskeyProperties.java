package io.reelgate.accounts;

import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The WebAuthn relying party that passkeys are made for ({@code reelgate.security.passkeys.*}).
 * @param rpId the domain passkeys are bound to: the site's host or a parent domain of it; default the host of
 * {@code reelgate.public-url} ({@code localhost} out of the box). Changing it later orphans every passkey.
 * @param rpName the name browsers show when a passkey is made; default Reelgate
 * @param allowedOrigins the origins (scheme, host, port) whose pages may use a passkey; default the origin of
 * {@code reelgate.public-url}, and on {@code localhost} also the port the server actually listens on
 */
@ConfigurationProperties("reelgate.security.passkeys")
public record PasskeyProperties(@Nullable String rpId, String rpName, Set<String> allowedOrigins) {

	public PasskeyProperties {
		if (rpId != null && rpId.isBlank()) {
			rpId = null;
		}
		if (rpName == null || rpName.isBlank()) {
			rpName = "Reelgate";
		}
		allowedOrigins = allowedOrigins == null ? Set.of() : Set.copyOf(allowedOrigins);
		for (String origin : allowedOrigins) {
			if (!origin.matches("https?://[^/?#\\s]+")) {
				throw new IllegalArgumentException(
						"reelgate.security.passkeys.allowed-origins takes origins such as https://films.example.com"
								+ " (no path): " + origin);
			}
		}
	}
}
