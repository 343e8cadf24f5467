package io.reelgate.accounts;

import io.reelgate.accounts.AccountToken.Purpose;
import io.reelgate.support.Fixtures;
import io.reelgate.support.IntegrationTest;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * Passphrases beyond bcrypt's 72 bytes (which made sign-up, password change and reset answer 500) are hashed whole
 * with Argon2, and the bcrypt hashes stored before still log in and are rehashed.
 */
@IntegrationTest
class LongPassphraseTests {

	/** 73 ASCII characters: one byte past bcrypt's limit. */
	private static final String ASCII = "correct horse battery staple ".repeat(3).substring(0, 73);

	/** 40 emoji: 160 UTF-8 bytes in 80 Java characters. */
	private static final String EMOJI = "\uD83C\uDFAC".repeat(40);

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	LinkTokens tokens;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void signUpTakesAPassphraseBeyondBcryptsLimitAndOnlyTheWholeOneLogsIn() throws Exception {
		for (String passphrase : new String[] { ASCII, EMOJI }) {
			String email = Fixtures.unique("long") + "@example.test";
			mvc.perform(post("/signup").with(csrf()).param("email", email).param("displayName", "Long")
				.param("password", passphrase).param("accountType", "VIEWER")).andExpect(redirectedUrl("/"));

			assertThat(hashOf(email)).startsWith("{argon2@SpringSecurity_v5_8}$argon2id$");
			mvc.perform(formLogin().user(email).password(passphrase)).andExpect(authenticated());
			// Nothing past a 72-byte prefix is dropped: the passphrase without its last character is wrong.
			mvc.perform(formLogin().user(email).password(passphrase.substring(0, passphrase.length() - 2)))
				.andExpect(unauthenticated());
		}
	}

	@Test
	void aPasswordChangeTakesALongPassphrase() throws Exception {
		AccountPrincipal viewer = fixtures.viewer();
		Cookie[] session = mvc.perform(formLogin().user(viewer.email()).password("a-long-enough-password"))
			.andExpect(authenticated()).andReturn().getResponse().getCookies();

		mvc.perform(post("/account/password").cookie(session).with(csrf())
			.param("currentPassword", "a-long-enough-password").param("newPassword", EMOJI))
			.andExpect(redirectedUrl("/account"));
		mvc.perform(formLogin().user(viewer.email()).password(EMOJI)).andExpect(authenticated());
	}

	@Test
	void aResetTakesALongPassphrase() throws Exception {
		AccountPrincipal viewer = fixtures.viewer();
		String token = transactions.execute(status -> tokens.issue(viewer.accountId(), Purpose.RESET_PASSWORD, null));

		mvc.perform(post("/password/reset").with(csrf()).param("token", token).param("newPassword", ASCII))
			.andExpect(redirectedUrl("/login"));
		mvc.perform(formLogin().user(viewer.email()).password(ASCII)).andExpect(authenticated());
	}

	@Test
	void aBcryptHashFromBeforeStillLogsInAndIsRehashedWithArgon2() throws Exception {
		AccountPrincipal viewer = fixtures.viewer();
		jdbc.sql("update accounts set password_hash = ? where email = ?")
			.params("{bcrypt}" + new BCryptPasswordEncoder().encode("an-old-bcrypt-password"), viewer.email())
			.update();

		mvc.perform(formLogin().user(viewer.email()).password(ASCII)).andExpect(unauthenticated());
		assertThat(hashOf(viewer.email())).startsWith("{bcrypt}");
		mvc.perform(formLogin().user(viewer.email()).password("an-old-bcrypt-password")).andExpect(authenticated());
		assertThat(hashOf(viewer.email())).startsWith("{argon2@SpringSecurity_v5_8}");
		mvc.perform(formLogin().user(viewer.email()).password("an-old-bcrypt-password")).andExpect(authenticated());
	}

	@Test
	void aHugePasswordForAnUnknownAccountIsAFailedLoginNotAnError() throws Exception {
		mvc.perform(formLogin().user(Fixtures.unique("nobody") + "@example.test").password("x".repeat(100_000)))
			.andExpect(unauthenticated());
	}

	private String hashOf(String email) {
		return jdbc.sql("select password_hash from accounts where email = ?").param(email).query(String.class).single();
	}
}
