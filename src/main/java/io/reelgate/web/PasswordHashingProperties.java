package io.reelgate.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * Argon2id's cost for new password hashes. The defaults are Spring Security's 5.8 parameters, which OWASP's
 * password storage guidance also lists; raise them on a server that can afford more time per login, never lower them
 * in production. The test suite lowers them (see {@code application-test.yml}) because it opens thousands of
 * accounts, each hash costing about 30 ms of CPU at the defaults.
 *
 * @param memory the memory each hash fills, from 8 KB to 4 GB
 * @param iterations passes over that memory
 */
@Validated
@ConfigurationProperties("reelgate.security.password-hashing")
record PasswordHashingProperties(@DefaultValue("16MB") @NotNull DataSize memory,
		@DefaultValue("2") @Min(1) @Max(100) int iterations) {

	PasswordHashingProperties {
		if (memory != null && (memory.toKilobytes() < 8 || memory.toMegabytes() > 4096)) {
			throw new IllegalArgumentException("reelgate.security.password-hashing.memory must be from 8KB to 4GB");
		}
	}
}
