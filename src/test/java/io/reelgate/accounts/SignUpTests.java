package io.reelgate.accounts;

import io.reelgate.support.Fixtures;
import io.reelgate.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class SignUpTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aCreatorSignsUpIsLoggedInAndLandsInTheStudio() throws Exception {
		String email = Fixtures.unique("maker") + "@example.test";
		MvcResult signUp = mvc.perform(post("/signup").with(csrf())
			.param("email", email.toUpperCase())
			.param("displayName", "Maker")
			.param("password", "correct horse battery")
			.param("accountType", "CREATOR"))
			.andExpect(redirectedUrl("/studio"))
			.andReturn();
		// The session lives in PostgreSQL (Spring Session); the browser only holds its cookie.
		mvc.perform(get("/studio").cookie(signUp.getResponse().getCookies())).andExpect(status().isOk());
		mvc.perform(get("/studio")).andExpect(redirectedUrl("/login"));
		assertThat(jdbc.sql("select count(*) from spring_session where principal_name = ?").param(email)
			.query(Long.class).single()).isEqualTo(1);

		String hash = jdbc.sql("select password_hash from accounts where email = ?").param(email).query(String.class).single();
		assertThat(hash).startsWith("{argon2@SpringSecurity_v5_8}").doesNotContain("correct horse");
		mvc.perform(formLogin().user(email).password("correct horse battery")).andExpect(authenticated());
	}

	@Test
	void aDuplicateEmailIsAFormErrorAndCreatesNothing() throws Exception {
		String email = Fixtures.unique("twice") + "@example.test";
		signUp(email, "VIEWER").andExpect(status().is3xxRedirection());

		signUp(email.toUpperCase(), "VIEWER")
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("An account with this email already exists")))
			.andExpect(unauthenticated());
		assertThat(jdbc.sql("select count(*) from accounts where email = ?").param(email).query(Long.class).single())
			.isEqualTo(1);
	}

	@Test
	void everyBadFieldGetsItsOwnMessage() throws Exception {
		mvc.perform(post("/signup").with(csrf())
			.param("email", "not-an-email")
			.param("displayName", "")
			.param("password", "short")
			.param("accountType", "VIEWER"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(
					containsString("Enter a valid email address."),
					containsString("Enter a name."),
					containsString("Use between 10 and 200 characters."))))
			.andExpect(unauthenticated());
	}

	@Test
	void nobodyCanSignUpAsAnAdmin() throws Exception {
		String email = Fixtures.unique("sneaky") + "@example.test";
		signUp(email, "ADMIN").andExpect(status().isOk()).andExpect(unauthenticated());
		assertThat(jdbc.sql("select count(*) from accounts where email = ?").param(email).query(Long.class).single())
			.isZero();
	}

	@Test
	void signUpWithoutACsrfTokenIsRejected() throws Exception {
		mvc.perform(post("/signup").param("email", "x@example.test")).andExpect(status().isForbidden());
	}

	@Test
	void aWrongPasswordDoesNotLogIn() throws Exception {
		mvc.perform(formLogin().user(Fixtures.ADMIN_EMAIL).password("wrong-password"))
			.andExpect(redirectedUrl("/login?error"))
			.andExpect(unauthenticated());
	}

	/** The test limit is 20 sign-ups per 10 minutes per address (application-test.yml). */
	@Test
	void oneAddressOpeningManyAccountsGetsA429AndNoAccountWhileOthersCanStillSignUp() throws Exception {
		for (int i = 0; i < 20; i++) {
			signUpFrom("198.51.100.77", Fixtures.unique("bot") + "@example.test").andExpect(status().is3xxRedirection());
		}
		String refused = Fixtures.unique("bot") + "@example.test";

		MvcResult tooMany = signUpFrom("198.51.100.77", refused).andExpect(status().isTooManyRequests())
			.andExpect(content().string(containsString("Too many attempts")))
			.andExpect(unauthenticated())
			.andReturn();

		assertThat(Long.parseLong(tooMany.getResponse().getHeader("Retry-After"))).isBetween(1L, 30L);
		assertThat(jdbc.sql("select count(*) from accounts where email = ?").param(refused).query(Long.class).single())
			.isZero();
		signUpFrom("198.51.100.78", Fixtures.unique("person") + "@example.test").andExpect(status().is3xxRedirection());
	}

	private ResultActions signUpFrom(String address, String email) throws Exception {
		return mvc.perform(post("/signup").with(csrf()).with(request -> {
			request.setRemoteAddr(address);
			return request;
		}).param("email", email).param("displayName", "Someone").param("password", "a-long-enough-password")
			.param("accountType", "VIEWER"));
	}

	private ResultActions signUp(String email, String type) throws Exception {
		return mvc.perform(post("/signup").with(csrf())
			.param("email", email)
			.param("displayName", "Someone")
			.param("password", "a-long-enough-password")
			.param("accountType", type));
	}
}
