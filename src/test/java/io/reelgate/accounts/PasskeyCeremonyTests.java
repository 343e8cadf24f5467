package io.reelgate.accounts;

import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

import io.reelgate.moderation.ModerationService;
import io.reelgate.notifications.SentMails;
import io.reelgate.support.Fixtures;
import io.reelgate.support.IntegrationTest;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The passkey ceremonies over HTTP with a passkey made in the test ({@link SoftwarePasskey}): a genuine registration
 * and sign-in pass, and what an attacker can send is refused with a 4xx and a message, never a 500: an assertion for
 * another origin or relying party, a bad signature, garbage, a forged registration, a name that is no name, a
 * suspended account's passkey, and Spring Security's own DELETE of a credential.
 */
@IntegrationTest
@Timeout(value = 5, unit = java.util.concurrent.TimeUnit.MINUTES)
class PasskeyCeremonyTests {

	private static final String PASSWORD = "a-long-enough-password";

	/** Refused assertions count against the address's passkey failures: not 127.0.0.1's, which the suite shares. */
	private static final RequestPostProcessor OWN_ADDRESS = request -> {
		request.setRemoteAddr("192.0.2." + (1 + new java.util.Random().nextInt(250)));
		return request;
	};

	private static final String NOT_ACCEPTED = "That passkey was not accepted";

	@LocalServerPort
	int port;

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Passkeys passkeys;

	@Autowired
	ModerationService moderation;

	@Autowired
	SentMails mails;

	@Autowired
	AccountService accounts;

	@Autowired
	SecondFactorPolicy policy;

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void aGenuinePasskeySignsInAndAssertionsForAnotherOriginOrRelyingPartyOrBadlySignedAreRefused() throws Exception {
		AccountPrincipal viewer = fixtures.viewer();
		SoftwarePasskey passkey = new SoftwarePasskey();
		String userHandle = register(viewer, passkey, origin(), "localhost", "Software key");
		assertThat(passkeys.list(viewer.accountId())).extracting(Passkey::label).containsExactly("Software key");

		Map<String, Function<String, Map<String, Object>>> forgeries = Map.of(
				"another origin", c -> passkey.assertion(c, "https://films.example.evil", "localhost", userHandle, false),
				"another relying party", c -> passkey.assertion(c, origin(), "example.evil", userHandle, false),
				"a bad signature", c -> passkey.assertion(c, origin(), "localhost", userHandle, true));
		for (var forged : forgeries.entrySet()) {
			MockHttpServletResponse refused = signIn(forged.getValue());
			assertThat(refused.getStatus()).as(forged.getKey()).isEqualTo(401);
			assertThat(refused.getContentAsString()).as(forged.getKey()).contains(NOT_ACCEPTED);
		}

		MockHttpServletResponse accepted = signIn(c -> passkey.assertion(c, origin(), "localhost", userHandle, false));
		assertThat(accepted.getStatus()).isEqualTo(200);
		assertThat(json.readTree(accepted.getContentAsString()).path("redirectUrl").asString()).isEqualTo("/");
		assertThat(mvc.perform(get("/account").cookie(accepted.getCookies())).andReturn().getResponse().getStatus())
			.isEqualTo(200);
	}

	@Test
	void garbageAndAssertionsWithoutAChallengeAreRefusedWithAMessage() throws Exception {
		MockHttpServletResponse garbage = mvc.perform(post("/login/webauthn").with(csrf()).with(OWN_ADDRESS)
			.contentType(MediaType.APPLICATION_JSON).content("{\"id\": [1, 2, \"\u0000\"]")).andReturn().getResponse();
		assertThat(garbage.getStatus()).isEqualTo(401);
		assertThat(garbage.getContentAsString()).contains(NOT_ACCEPTED);

		SoftwarePasskey unknown = new SoftwarePasskey();
		MockHttpServletResponse noChallenge = mvc.perform(post("/login/webauthn").with(csrf()).with(OWN_ADDRESS)
			.contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(unknown.assertion("AAAA", origin(), "localhost", "AAAA", false))))
			.andReturn().getResponse();
		assertThat(noChallenge.getStatus()).isEqualTo(401);

		MockHttpServletResponse unregistered = signIn(c -> unknown.assertion(c, origin(), "localhost", "AAAA", false));
		assertThat(unregistered.getStatus()).isEqualTo(401);
		assertThat(unregistered.getContentAsString()).contains(NOT_ACCEPTED);
	}

	@Test
	void aForgedRegistrationOrABadNameAddsNoPasskeyAndSaysWhy() throws Exception {
		AccountPrincipal viewer = fixtures.viewer();
		Cookie[] session = logIn(viewer);

		MockHttpServletResponse otherOrigin = registration(session, new SoftwarePasskey(), "https://films.example.evil",
				"localhost", "Evil");
		assertThat(otherOrigin.getStatus()).isEqualTo(400);
		assertThat(otherOrigin.getContentAsString()).contains("No passkey was added");

		MockHttpServletResponse longName = registration(session, new SoftwarePasskey(), origin(), "localhost",
				"x".repeat(10_000));
		assertThat(longName.getStatus()).isEqualTo(400);
		assertThat(longName.getContentAsString()).contains("up to 64 characters");

		MockHttpServletResponse controlCharacters = registration(session, new SoftwarePasskey(), origin(), "localhost",
				"tab\tbed");
		assertThat(controlCharacters.getStatus()).isEqualTo(400);

		MockHttpServletResponse garbage = mvc.perform(post("/webauthn/register").cookie(session).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content("[[[")).andReturn().getResponse();
		assertThat(garbage.getStatus()).isEqualTo(400);
		assertThat(passkeys.list(viewer.accountId())).isEmpty();
	}

	@Test
	void aSuspendedCreatorsPasskeyDoesNotSignIn() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		SoftwarePasskey passkey = new SoftwarePasskey();
		String userHandle = register(creator, passkey, origin(), "localhost", "Studio key");
		AccountPrincipal admin = fixtures.admin();
		fixtures.as(admin, () -> {
			moderation.changeAccountStatus(admin, creator.accountId(), AccountStatus.SUSPENDED, "Spam");
			return null;
		});
		MockHttpServletResponse refused = signIn(c -> passkey.assertion(c, origin(), "localhost", userHandle, false));
		assertThat(refused.getStatus()).isEqualTo(401);
		assertThat(refused.getContentAsString()).contains("suspended or banned");
	}

	@Test
	void springSecuritysOwnDeleteRemovesNothingAndAddingIsMailed() throws Exception {
		AccountPrincipal viewer = fixtures.viewer();
		SoftwarePasskey passkey = new SoftwarePasskey();
		register(viewer, passkey, origin(), "localhost", "Kept");
		Cookie[] session = logIn(viewer);
		assertThat(mvc.perform(delete("/webauthn/register/" + passkey.id()).cookie(session).with(csrf())).andReturn()
			.getResponse().getStatus()).isEqualTo(403);
		assertThat(passkeys.list(viewer.accountId())).extracting(Passkey::label).containsExactly("Kept");
		await().atMost(Duration.ofSeconds(30)).until(() -> mails.to(viewer.email()).stream()
			.anyMatch(m -> m.subject().equals("A passkey was added to your Reelgate account")));
	}

	@Test
	void anAdminSentToSetUpASecondFactorMayMakeAPasskeyInsteadAndGoesOnWithIt() throws Exception {
		String email = Fixtures.unique("admin") + "@reelgate.test";
		accounts.register(email, "Passkey Admin", PASSWORD, Role.ADMIN);
		policy.requireForAdmins(true);
		try {
			Cookie[] session = mvc.perform(formLogin().user(email).password(PASSWORD)).andReturn().getResponse()
				.getCookies();
			assertThat(mvc.perform(get("/admin").cookie(session)).andReturn().getResponse().getRedirectedUrl())
				.isEqualTo("/account/two-factor/setup");
			assertThat(mvc.perform(get("/account/two-factor/setup").cookie(session)).andReturn().getResponse()
				.getContentAsString()).contains("Or add a passkey instead");

			// Going on without having made a passkey gives nothing.
			assertThat(mvc.perform(get("/account/two-factor/setup/passkey").cookie(session)).andReturn().getResponse()
				.getRedirectedUrl()).isEqualTo("/account");
			assertThat(mvc.perform(get("/admin").cookie(session)).andReturn().getResponse().getRedirectedUrl())
				.isEqualTo("/account/two-factor/setup");

			MockHttpServletResponse made = registration(session, new SoftwarePasskey(), origin(), "localhost",
					"Admin key");
			assertThat(made.getStatus()).as(made.getContentAsString()).isEqualTo(200);
			MockHttpServletResponse on = mvc.perform(get("/account/two-factor/setup/passkey").cookie(session))
				.andReturn().getResponse();
			assertThat(on.getRedirectedUrl()).contains("/admin");
			Cookie[] admin = on.getCookies().length > 0 ? on.getCookies() : session;
			assertThat(mvc.perform(get("/admin").cookie(admin)).andReturn().getResponse().getStatus()).isEqualTo(200);

			// The next sign-in asks for the passkey, as for any account that has one.
			assertThat(mvc.perform(formLogin().user(email).password(PASSWORD)).andReturn().getResponse()
				.getRedirectedUrl()).isEqualTo("/login/second-factor");
		}
		finally {
			policy.requireForAdmins(false);
		}
	}

	@Test
	void aSessionThatHasNotShownTheSecondFactorCannotAddAPasskeyToGetPastIt() throws Exception {
		AccountPrincipal viewer = fixtures.viewer();
		register(viewer, new SoftwarePasskey(), origin(), "localhost", "Owner's key");
		Cookie[] passwordOnly = mvc.perform(formLogin().user(viewer.email()).password(PASSWORD)).andReturn()
			.getResponse().getCookies();

		// Spring Security hands out a challenge to any signed-in session; answering it is what the rules refuse.
		MockHttpServletResponse forged = registration(passwordOnly, new SoftwarePasskey(), origin(), "localhost",
				"Thief's key");
		assertThat(forged.getRedirectedUrl()).isEqualTo("/login/second-factor");
		assertThat(mvc.perform(get("/account/two-factor/setup/passkey").cookie(passwordOnly)).andReturn().getResponse()
			.getRedirectedUrl()).isEqualTo("/account");
		assertThat(mvc.perform(get("/account").cookie(passwordOnly)).andReturn().getResponse().getRedirectedUrl())
			.isEqualTo("/login/second-factor");
		assertThat(passkeys.list(viewer.accountId())).extracting(Passkey::label).containsExactly("Owner's key");
	}

	/** Registers the passkey for the account; returns the account's WebAuthn user id (the user handle). */
	private String register(AccountPrincipal account, SoftwarePasskey passkey, String origin, String rpId,
			String label) throws Exception {
		Cookie[] session = logIn(account);
		MockHttpServletResponse options = mvc.perform(post("/webauthn/register/options").cookie(session).with(csrf()))
			.andReturn().getResponse();
		assertThat(options.getStatus()).isEqualTo(200);
		JsonNode created = json.readTree(options.getContentAsString());
		MockHttpServletResponse registered = mvc.perform(post("/webauthn/register").cookie(session).with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(passkey.registration(created.path("challenge").asString(), origin, rpId,
					label))))
			.andReturn().getResponse();
		assertThat(registered.getStatus()).as(registered.getContentAsString()).isEqualTo(200);
		return created.path("user").path("id").asString();
	}

	private MockHttpServletResponse registration(Cookie[] session, SoftwarePasskey passkey, String origin, String rpId,
			String label) throws Exception {
		JsonNode created = json.readTree(mvc.perform(post("/webauthn/register/options").cookie(session).with(csrf()))
			.andReturn().getResponse().getContentAsString());
		return mvc.perform(post("/webauthn/register").cookie(session).with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(passkey.registration(created.path("challenge").asString(), origin, rpId,
					label))))
			.andReturn().getResponse();
	}

	/** Signs in anonymously: asks for a challenge, then sends the assertion made for it. */
	private MockHttpServletResponse signIn(Function<String, Map<String, Object>> assertion) throws Exception {
		MockHttpServletResponse options = mvc.perform(post("/webauthn/authenticate/options").with(csrf())).andReturn()
			.getResponse();
		assertThat(options.getStatus()).isEqualTo(200);
		String challenge = json.readTree(options.getContentAsString()).path("challenge").asString();
		return mvc.perform(post("/login/webauthn").cookie(options.getCookies()).with(csrf()).with(OWN_ADDRESS)
			.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(assertion.apply(challenge))))
			.andReturn().getResponse();
	}

	private Cookie[] logIn(AccountPrincipal account) throws Exception {
		return mvc.perform(formLogin().user(account.email()).password(PASSWORD)).andReturn().getResponse().getCookies();
	}

	private String origin() {
		return "http://localhost:" + port;
	}
}
