package io.reelgate.api;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.accounts.AccountStatus;
import io.reelgate.moderation.ModerationService;
import io.reelgate.support.Fixtures;
import io.reelgate.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Personal access tokens from creation in the studio to revocation, expiry and the end of their account. */
@IntegrationTest
class ApiTokenTests {

	private static final Pattern TOKEN = Pattern.compile("rg_pat_[A-Za-z0-9_-]{43}");

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	ApiTokenService tokens;

	@Autowired
	ModerationService moderation;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aTokenMadeInTheStudioIsShownOnceWorksAndIsStoredOnlyAsItsHash() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		String name = Fixtures.unique("CI");
		String page = mvc.perform(post("/studio/tokens").with(user(creator)).with(csrf())
			.param("name", name).param("scopes", "BUNDLES_READ").param("validForDays", "30"))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", containsString("no-store")))
			.andReturn().getResponse().getContentAsString();
		Matcher found = TOKEN.matcher(page);
		assertThat(found.find()).as("the new token is on the page").isTrue();
		String secret = found.group();

		List<String> rows = jdbc.sql("select t::text from api_tokens t where owner_id = ?")
			.param(creator.accountId().value()).query(String.class).list();
		assertThat(rows).hasSize(1);
		assertThat(rows.get(0)).doesNotContain(secret).doesNotContain(secret.substring(7));
		assertThat(jdbc.sql("select token_hash from api_tokens where owner_id = ?")
			.param(creator.accountId().value()).query(String.class).single()).isEqualTo(ApiTokenService.hash(secret));

		api(secret).andExpect(status().isOk());
		assertThat(jdbc.sql("select last_used_at is not null from api_tokens where owner_id = ?")
			.param(creator.accountId().value()).query(Boolean.class).single()).isTrue();
		mvc.perform(get("/studio/tokens").with(user(creator)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(name)))
			.andExpect(content().string(not(containsString(secret))));
	}

	@Test
	void theStudioFormRefusesATokenWithoutNameOrScopes() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		mvc.perform(post("/studio/tokens").with(user(creator)).with(csrf()).param("name", " ")
			.param("validForDays", "30"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Give the token a name.")))
			.andExpect(content().string(containsString("Choose at least one scope.")))
			.andExpect(content().string(not(containsString("rg_pat_"))));
		assertThat(jdbc.sql("select count(*) from api_tokens where owner_id = ?")
			.param(creator.accountId().value()).query(Long.class).single()).isZero();
	}

	@Test
	void aLifetimeThatIsNotOfferedIsRefusedRatherThanMadeUnlimited() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		mvc.perform(post("/studio/tokens").with(user(creator)).with(csrf()).param("name", "forever")
			.param("scopes", "SALES_READ").param("validForDays", "100000"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Choose one of the offered lifetimes.")))
			.andExpect(content().string(not(containsString("rg_pat_"))));
		mvc.perform(post("/studio/tokens").with(user(creator)).with(csrf()).param("name", "forever")
			.param("scopes", "SALES_READ").param("validForDays", "soon"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Choose one of the offered lifetimes.")));
		assertThat(jdbc.sql("select count(*) from api_tokens where owner_id = ?")
			.param(creator.accountId().value()).query(Long.class).single()).isZero();
	}

	@Test
	void aRevokedTokenIsRefusedWithABearerChallenge() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		NewToken token = create(creator, Optional.empty());
		api(token.secret()).andExpect(status().isOk());

		mvc.perform(post("/studio/tokens/{id}/revoke", token.token().id()).with(user(creator)).with(csrf()))
			.andExpect(status().is3xxRedirection());

		api(token.secret()).andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", containsString("error=\"invalid_token\"")))
			.andExpect(content().contentType("application/problem+json"))
			.andExpect(jsonPath("$.status").value(401));
	}

	@Test
	void anExpiredTokenIsRefused() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		NewToken token = create(creator, Optional.of(java.time.Duration.ofDays(7)));
		api(token.secret()).andExpect(status().isOk());

		jdbc.sql("update api_tokens set expires_at = now() - interval '1 minute' where id = ?")
			.param(token.token().id()).update();

		api(token.secret()).andExpect(status().isUnauthorized());
	}

	@Test
	void aSuspendedCreatorsTokensStopWorking() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		NewToken token = create(creator, Optional.empty());
		api(token.secret()).andExpect(status().isOk());

		fixtures.as(fixtures.admin(), () -> {
			moderation.changeAccountStatus(fixtures.admin(), creator.accountId(), AccountStatus.SUSPENDED, "Spam");
			return null;
		});

		api(token.secret()).andExpect(status().isUnauthorized());
	}

	@Test
	void aRequestWithoutATokenIsA401ProblemNotALoginRedirect() throws Exception {
		mvc.perform(get("/api/v1/bundles"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", containsString("Bearer")))
			.andExpect(header().doesNotExist("Location"))
			.andExpect(header().doesNotExist("Set-Cookie"))
			.andExpect(content().contentType("application/problem+json"))
			.andExpect(jsonPath("$.title").value("Unauthorized"));
		api("rg_pat_" + "x".repeat(43)).andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", containsString("invalid_token")));
		api("not-a-token").andExpect(status().isUnauthorized());
	}

	@Test
	void aSignedInBrowserSessionIsNoCredentialForTheApi() throws Exception {
		AccountPrincipal viewer = fixtures.viewer();
		MockHttpServletResponse login = mvc.perform(post("/login").with(csrf())
			.param("username", viewer.email()).param("password", "a-long-enough-password"))
			.andExpect(redirectedUrl("/"))
			.andReturn().getResponse();
		Cookie session = new Cookie("SESSION", login.getHeaders(HttpHeaders.SET_COOKIE).stream()
			.filter(cookie -> cookie.startsWith("SESSION="))
			.findFirst().orElseThrow()
			.replaceFirst("^SESSION=([^;]*).*$", "$1"));

		mvc.perform(get("/library").cookie(session)).andExpect(status().isOk());
		mvc.perform(get("/api/v1/bundles").cookie(session))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", containsString("Bearer")))
			.andExpect(content().contentType("application/problem+json"));
	}

	@Test
	void aCreatorCannotRevokeAnotherCreatorsToken() throws Exception {
		AccountPrincipal owner = fixtures.creator();
		NewToken token = create(owner, Optional.empty());

		mvc.perform(post("/studio/tokens/{id}/revoke", token.token().id()).with(user(fixtures.creator())).with(csrf()))
			.andExpect(status().isNotFound());
		mvc.perform(post("/studio/tokens/{id}/revoke", UUID.randomUUID()).with(user(owner)).with(csrf()))
			.andExpect(status().isNotFound());

		api(token.secret()).andExpect(status().isOk());
	}

	private NewToken create(AccountPrincipal creator, Optional<java.time.Duration> validFor) {
		return fixtures.as(creator,
				() -> tokens.create(creator.accountId(), "test", Set.of(Scope.BUNDLES_READ), validFor));
	}

	private ResultActions api(String secret) throws Exception {
		return mvc.perform(get("/api/v1/bundles").header("Authorization", "Bearer " + secret));
	}
}
