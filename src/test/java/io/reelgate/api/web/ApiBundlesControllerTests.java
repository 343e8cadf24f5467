package io.reelgate.api.web;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.accounts.Role;
import io.reelgate.api.ApiCaller;
import io.reelgate.api.ApiSecuritySlice;
import io.reelgate.api.ApiTokenService;
import io.reelgate.api.Scope;
import io.reelgate.catalog.BundleNotFoundException;
import io.reelgate.catalog.Catalog;
import io.reelgate.catalog.CatalogException;
import io.reelgate.catalog.CatalogService;
import io.reelgate.shared.AccountId;
import io.reelgate.shared.BundleId;
import io.reelgate.uploads.ResumableUploads;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The creator API's bundle endpoints as a web slice with the API's real security chain: every refusal is RFC 9457
 * problem JSON with the right status (never a login page, an HTML error page or a 500 for bad input), scopes are
 * enforced before the controller runs, and another creator's bundle looks like none. The catalog is a mock that
 * refuses as told; {@code CreatorApiTests} runs the catalog's real rules through the API.
 */
@WebMvcTest({ ApiBundlesController.class, ApiFallbackController.class })
@ApiSecuritySlice
class ApiBundlesControllerTests {

	private static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;

	private static final String ALL_SCOPES = "rg_pat_all";

	private static final String READ_ONLY = "rg_pat_read";

	private static final AccountPrincipal CREATOR = new AccountPrincipal(AccountId.random(), "creator@reelgate.test",
			"Creator", "", Role.CREATOR);

	private static final BundleId BUNDLE = new BundleId(UUID.randomUUID());

	@Autowired
	MockMvc mvc;

	@Autowired
	ApiTokenService tokens;

	@MockitoBean
	CatalogService catalogService;

	@MockitoBean
	Catalog catalog;

	@MockitoBean
	ResumableUploads uploads;

	@BeforeEach
	void tokens() {
		given(tokens.authenticate(ALL_SCOPES)).willReturn(caller(EnumSet.allOf(Scope.class)));
		given(tokens.authenticate(READ_ONLY)).willReturn(caller(EnumSet.of(Scope.BUNDLES_READ)));
	}

	@Test
	void aRequestWithoutAGoodTokenIsA401ProblemNotTheLoginPage() throws Exception {
		mvc.perform(get("/api/v1/bundles"))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(PROBLEM))
			.andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, containsString("Bearer")))
			.andExpect(header().doesNotExist(HttpHeaders.LOCATION));
		mvc.perform(get("/api/v1/bundles").header(HttpHeaders.AUTHORIZATION, "Bearer rg_pat_unknown"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, containsString("invalid_token")));
		verifyNoInteractions(catalog, catalogService);
	}

	@Test
	void aTokenWithoutTheScopeIsA403ProblemNamingItAndChangesNothing() throws Exception {
		mvc.perform(as(READ_ONLY, post("/api/v1/bundles/{id}/publish", BUNDLE)))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(PROBLEM))
			.andExpect(jsonPath("$.missingScope").value("bundles:write"));
		verifyNoInteractions(catalogService);
	}

	@Test
	void anotherCreatorsBundleIsA404ProblemLikeOneThatDoesNotExist() throws Exception {
		willThrow(new BundleNotFoundException()).given(catalogService).publish(CREATOR.accountId(), BUNDLE);

		mvc.perform(as(ALL_SCOPES, post("/api/v1/bundles/{id}/publish", BUNDLE)))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(PROBLEM))
			.andExpect(jsonPath("$.detail").value("No such resource."));
		mvc.perform(as(ALL_SCOPES, get("/api/v1/bundles/not-an-id")))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(PROBLEM));
		mvc.perform(as(ALL_SCOPES, get("/api/v1/nothing-here")))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(PROBLEM));
	}

	@Test
	void aRuleTheCatalogEnforcesIsA422ProblemWithItsCodeAndMessage() throws Exception {
		willThrow(new CatalogException("bundle.publish.noFiles")).given(catalogService)
			.publish(CREATOR.accountId(), BUNDLE);

		mvc.perform(as(ALL_SCOPES, post("/api/v1/bundles/{id}/publish", BUNDLE)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().contentTypeCompatibleWith(PROBLEM))
			.andExpect(jsonPath("$.code").value("bundle.publish.noFiles"))
			.andExpect(jsonPath("$.detail").value("Add at least one file before publishing."));
	}

	@Test
	void invalidFieldsAreA400ProblemWithTheStudiosMessagePerField() throws Exception {
		mvc.perform(as(ALL_SCOPES, post("/api/v1/bundles")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\":\" \",\"summary\":\"" + "x".repeat(281) + "\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(PROBLEM))
			.andExpect(jsonPath("$.errors[?(@.field == 'title')].message").value("Give the bundle a title."))
			.andExpect(jsonPath("$.errors[?(@.field == 'summary')].message")
				.value("Keep the short description under 280 characters."));
		mvc.perform(as(ALL_SCOPES, post("/api/v1/bundles/{id}/uploads", BUNDLE)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"filename\":\"a.mp4\",\"length\":0}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("length"));
		verifyNoInteractions(catalogService, uploads);
	}

	@Test
	void malformedJsonIsA400ProblemNotAServerError() throws Exception {
		mvc.perform(as(ALL_SCOPES, post("/api/v1/bundles")).contentType(MediaType.APPLICATION_JSON).content("{not json"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(PROBLEM));
		verifyNoInteractions(catalogService);
	}

	@Test
	void anUnexpectedFailureIsA500ProblemThatEchoesNothingOfIt() throws Exception {
		given(catalog.bundlesOf(any())).willThrow(new IllegalStateException("connection to db-7.internal lost"));

		mvc.perform(as(ALL_SCOPES, get("/api/v1/bundles")))
			.andExpect(status().isInternalServerError())
			.andExpect(content().contentTypeCompatibleWith(PROBLEM))
			.andExpect(content().string(not(containsString("db-7.internal"))));
	}

	private static MockHttpServletRequestBuilder as(String bearer, MockHttpServletRequestBuilder request) {
		return request.header(HttpHeaders.AUTHORIZATION, "Bearer " + bearer);
	}

	private static Optional<ApiCaller> caller(Set<Scope> scopes) {
		return Optional.of(new ApiCaller(UUID.randomUUID(), CREATOR, scopes));
	}
}
