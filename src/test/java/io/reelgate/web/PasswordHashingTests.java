package io.reelgate.web;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production cost of password hashes, which the suite's own profile lowers so that its thousands of accounts
 * open quickly: without settings a hash is Argon2id at 16 MiB and 2 passes, and a hash made at a lower cost (the
 * suite's) is rehashed at the next login once the cost is raised.
 */
class PasswordHashingTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
		.withUserConfiguration(PasswordHashing.class);

	@Test
	void withoutSettingsANewHashIsArgon2idAt16MiBAndTwoPasses() {
		runner.run(context -> {
			PasswordEncoder encoder = context.getBean(PasswordEncoder.class);
			String hash = encoder.encode("correct horse battery staple");
			assertThat(hash).startsWith("{argon2@SpringSecurity_v5_8}$argon2id$v=19$m=16384,t=2,p=1$");
			assertThat(encoder.matches("correct horse battery staple", hash)).isTrue();
			assertThat(encoder.matches("correct horse battery stapler", hash)).isFalse();
			assertThat(encoder.upgradeEncoding(hash)).isFalse();
		});
	}

	@Test
	void aCheaperHashStillMatchesAndIsRehashedOnceTheCostIsRaised() {
		String[] cheap = new String[1];
		runner.withPropertyValues("reelgate.security.password-hashing.memory=64KB",
				"reelgate.security.password-hashing.iterations=1")
			.run(context -> cheap[0] = context.getBean(PasswordEncoder.class).encode("a-long-enough-password"));
		assertThat(cheap[0]).startsWith("{argon2@SpringSecurity_v5_8}$argon2id$v=19$m=64,t=1,p=1$");
		runner.run(context -> {
			PasswordEncoder encoder = context.getBean(PasswordEncoder.class);
			assertThat(encoder.matches("a-long-enough-password", cheap[0])).isTrue();
			assertThat(encoder.upgradeEncoding(cheap[0])).isTrue();
		});
	}

	@Test
	void aCostOutsideArgon2sLimitsStopsTheStart() {
		runner.withPropertyValues("reelgate.security.password-hashing.memory=4KB")
			.run(context -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("reelgate.security.password-hashing.memory"));
		runner.withPropertyValues("reelgate.security.password-hashing.iterations=0")
			.run(context -> assertThat(context).hasFailed());
	}
}
