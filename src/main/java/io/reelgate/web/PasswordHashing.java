package io.reelgate.web;

import java.util.Map;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Hashes new passwords with Argon2id (by default Spring Security's 5.8 parameters: 16 MiB, 2 passes) and still
 * verifies the bcrypt hashes stored before ({id} prefix); those are rehashed at the next login (accounts'
 * {@code UserDetailsPasswordService}), as are Argon2 hashes made with less memory or fewer passes than configured.
 * Bcrypt reads only 72 bytes and Spring Security refuses to hash more, which made a long passphrase a 500; Argon2
 * takes the whole passphrase, so none is cut or refused. Each hash records its own parameters, so raising them
 * later keeps every stored password valid.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PasswordHashingProperties.class)
class PasswordHashing {

	/** The id Spring Security gave these parameters; kept when they are tuned, since each hash carries its own. */
	static final String ARGON2 = "argon2@SpringSecurity_v5_8";

	private static final int SALT_BYTES = 16;

	private static final int HASH_BYTES = 32;

	private static final int PARALLELISM = 1;

	@Bean
	PasswordEncoder passwordEncoder(PasswordHashingProperties hashing) {
		var argon2 = new Argon2PasswordEncoder(SALT_BYTES, HASH_BYTES, PARALLELISM,
				Math.toIntExact(hashing.memory().toKilobytes()), hashing.iterations());
		Map<String, PasswordEncoder> encoders = Map.of(ARGON2, argon2, "bcrypt", new BCryptPasswordEncoder());
		return new DelegatingPasswordEncoder(ARGON2, encoders);
	}
}
