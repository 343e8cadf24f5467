package io.reelgate.library;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotBlank;

/**
 * Signed download links.
 *
 * @param secret the HMAC key that signs links (at least 32 characters); blank means one is generated once and kept
 * in {@code secretFile}. Several instances must share one: set it then.
 * @param secretFile where a generated key is kept when {@code secret} is blank
 * @param lifetime how long a link works after the library page handed it out
 */
@ConfigurationProperties("reelgate.downloads.links")
@Validated
record DownloadLinkProperties(@Nullable String secret,
		@DefaultValue("./data/download-link-secret") @NotBlank String secretFile,
		@DefaultValue("6h") Duration lifetime) {

	DownloadLinkProperties {
		if (secret != null && !secret.isBlank() && secret.length() < 32) {
			throw new IllegalArgumentException("reelgate.downloads.links.secret must have at least 32 characters");
		}
		if (lifetime.isNegative() || lifetime.isZero()) {
			throw new IllegalArgumentException("reelgate.downloads.links.lifetime must be positive");
		}
	}
}
