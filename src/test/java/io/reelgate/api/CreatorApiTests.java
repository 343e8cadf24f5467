package io.reelgate.api;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.shared.BundleId;
import io.reelgate.support.Fixtures;
import io.reelgate.support.IntegrationTest;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The creator API's endpoints: scopes, ownership, the catalog's rules and its errors, sales, the OpenAPI document.
 * How bad fields, malformed JSON and unknown ids and paths are answered is {@code api.web.ApiBundlesControllerTests}'
 * part (a web slice).
 */
@IntegrationTest
class CreatorApiTests {

	private static final String PROBLEM = "application/problem+json";

	private static final String DETAILS = "{\"title\":\"Film\",\"summary\":\"A film\",\"description\":\"Long\"}";

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	ApiTokenService tokens;

	record Endpoint(HttpMethod method, String path, String body, Scope scope) {
	}

	private List<Endpoint> endpoints(BundleId bundle) {
		return List.of(new Endpoint(HttpMethod.GET, "/api/v1/bundles", null, Scope.BUNDLES_READ),
				new Endpoint(HttpMethod.GET, "/api/v1/bundles/" + bundle, null, Scope.BUNDLES_READ),
				new Endpoint(HttpMethod.POST, "/api/v1/bundles", DETAILS, Scope.BUNDLES_WRITE),
				new Endpoint(HttpMethod.PUT, "/api/v1/bundles/" + bundle, DETAILS, Scope.BUNDLES_WRITE),
				new Endpoint(HttpMethod.PUT, "/api/v1/bundles/" + bundle + "/gate", "{\"gate\":\"FREE\"}",
						Scope.BUNDLES_WRITE),
				new Endpoint(HttpMethod.POST, "/api/v1/bundles/" + bundle + "/publish", null, Scope.BUNDLES_WRITE),
				new Endpoint(HttpMethod.POST, "/api/v1/bundles/" + bundle + "/unpublish", null, Scope.BUNDLES_WRITE),
				new Endpoint(HttpMethod.POST, "/api/v1/bundles/" + bundle + "/uploads",
						"{\"filename\":\"a.mp4\",\"length\":10}", Scope.UPLOADS_WRITE),
				new Endpoint(HttpMethod.GET, "/api/v1/sales", null, Scope.SALES_READ),
				new Endpoint(HttpMethod.GET, "/api/v1/earnings", null, Scope.SALES_READ));
	}

	@TestFactory
	Stream<DynamicTest> everyEndpointNeedsItsScopeAndWorksWithIt() {
		AccountPrincipal creator = fixtures.creator();
		BundleId bundle = fixtures.draft(creator, Fixtures.unique("Scoped"), "film".getBytes());
		return endpoints(bundle).stream().map(endpoint -> dynamicTest(endpoint.method + " " + endpoint.path, () -> {
			Set<Scope> others = EnumSet.complementOf(EnumSet.of(endpoint.scope));
			call(endpoint, token(creator, others)).andExpect(status().isForbidden())
				.andExpect(content().contentType(PROBLEM))
				.andExpect(jsonPath("$.missingScope").value(endpoint.scope.value()))
				.andExpect(header().string("WWW-Authenticate", containsString("insufficient_scope")));
			int allowed = call(endpoint, token(creator, EnumSet.of(endpoint.scope))).andReturn()
				.getResponse().getStatus();
			assertThat(allowed).as("status with the scope").isBetween(200, 299);
		}));
	}

	@TestFactory
	Stream<DynamicTest> anotherCreatorsBundleIsNotFoundLikeOneThatDoesNotExist() {
		AccountPrincipal owner = fixtures.creator();
		BundleId bundle = fixtures.published(owner, Fixtures.unique("Theirs"), "film".getBytes());
		String intruder = token(fixtures.creator(), EnumSet.allOf(Scope.class));
		return endpoints(bundle).stream().filter(e -> e.path.contains(bundle.toString())).map(endpoint ->
				dynamicTest(endpoint.method + " " + endpoint.path, () -> {
					call(endpoint, intruder).andExpect(status().isNotFound())
						.andExpect(content().contentType(PROBLEM))
						.andExpect(jsonPath("$.detail").value("No such resource."));
					Endpoint missing = new Endpoint(endpoint.method,
							endpoint.path.replace(bundle.toString(), UUID.randomUUID().toString()), endpoint.body,
							endpoint.scope);
					call(missing, intruder).andExpect(status().isNotFound())
						.andExpect(jsonPath("$.detail").value("No such resource."));
				}));
	}

	@Test
	void aCreatorMakesPricesAndPublishesABundleThroughTheApi() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		fixtures.payoutsReady(creator);
		String token = token(creator, EnumSet.allOf(Scope.class));

		String location = send(HttpMethod.POST, "/api/v1/bundles", DETAILS, token)
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("DRAFT"))
			.andExpect(jsonPath("$.gate").value("FREE"))
			.andReturn().getResponse().getHeader("Location");
		BundleId id = BundleId.of(location.substring(location.lastIndexOf('/') + 1));

		send(HttpMethod.PUT, "/api/v1/bundles/" + id, "{\"title\":\" New title \",\"summary\":\"New\"}", token)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.title").value("New title"))
			.andExpect(jsonPath("$.description").value(""));
		send(HttpMethod.PUT, "/api/v1/bundles/" + id + "/gate",
				"{\"gate\":\"PAID\",\"amount\":\"9.99\",\"currency\":\"usd\"}", token)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.gate").value("PAID"))
			.andExpect(jsonPath("$.price.minor").value(999))
			.andExpect(jsonPath("$.price.currency").value("USD"));
		send(HttpMethod.PUT, "/api/v1/bundles/" + id + "/gate",
				"{\"gate\":\"PWYW\",\"amount\":\"0\",\"suggested\":\"5.00\",\"currency\":\"EUR\"}", token)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.gate").value("PWYW"))
			.andExpect(jsonPath("$.price.minor").value(0))
			.andExpect(jsonPath("$.suggestedPrice.minor").value(500))
			.andExpect(jsonPath("$.suggestedPrice.currency").value("EUR"));
		send(HttpMethod.PUT, "/api/v1/bundles/" + id + "/gate", "{\"gate\":\"EMAIL\"}", token)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.gate").value("EMAIL"))
			.andExpect(jsonPath("$.price").doesNotExist());
		send(HttpMethod.PUT, "/api/v1/bundles/" + id + "/gate",
				"{\"gate\":\"PAID\",\"amount\":\"9.99\",\"currency\":\"usd\"}", token)
			.andExpect(status().isOk());
		send(HttpMethod.POST, "/api/v1/bundles/" + id + "/publish", null, token)
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().contentType(PROBLEM))
			.andExpect(jsonPath("$.code").value("bundle.publish.noFiles"))
			.andExpect(jsonPath("$.detail").value("Add at least one file before publishing."));

		fixtures.addFile(creator, id, "film.mp4", "film".getBytes());
		send(HttpMethod.POST, "/api/v1/bundles/" + id + "/publish", null, token)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("PUBLISHED"))
			.andExpect(jsonPath("$.files[0].name").value("film.mp4"));
		mvc.perform(get("/bundles/{id}", id)).andExpect(status().isOk());
		send(HttpMethod.GET, "/api/v1/bundles", null, token)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].id", hasItem(id.toString())));
		send(HttpMethod.POST, "/api/v1/bundles/" + id + "/unpublish", null, token)
			.andExpect(jsonPath("$.status").value("DRAFT"));
		mvc.perform(get("/bundles/{id}", id)).andExpect(status().isNotFound());
	}

	@Test
	void pricesAndUploadsTheCatalogRefusesAreProblemsWithItsCodes() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		BundleId bundle = fixtures.draft(creator, Fixtures.unique("Valid"), "film".getBytes());
		String token = token(creator, EnumSet.allOf(Scope.class));

		send(HttpMethod.PUT, "/api/v1/bundles/" + bundle + "/gate",
				"{\"gate\":\"PAID\",\"amount\":\"lots\",\"currency\":\"USD\"}", token)
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("gate.price.invalid"));
		send(HttpMethod.PUT, "/api/v1/bundles/" + bundle + "/gate", "{\"gate\":\"PAID\",\"amount\":\"1\",\"currency\":\"XYZ\"}", token)
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("gate.currency.unknown"));
		send(HttpMethod.POST, "/api/v1/bundles/" + bundle + "/uploads",
				"{\"filename\":\"a.mp4\",\"length\":" + (6L * 1024 * 1024) + "}", token)
			.andExpect(status().isContentTooLarge())
			.andExpect(jsonPath("$.code").value("upload.tooLarge"));
	}

	@Test
	void salesAndEarningsGiveTheTaxApartFromTheNet() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		BundleId bundle = fixtures.published(creator, Fixtures.unique("Taxed"), "film".getBytes(), "10.00", "USD");
		AccountPrincipal viewer = fixtures.viewer();
		String payAt = mvc.perform(post("/checkout/{id}", bundle).with(user(viewer)).with(csrf()))
			.andReturn().getResponse().getRedirectedUrl();
		// The simulated gateway's demo rate for DE, 19 %, added to the price.
		mvc.perform(post(payAt + "/pay").with(user(viewer)).with(csrf()).param("country", "DE"))
			.andExpect(status().is3xxRedirection());

		send(HttpMethod.GET, "/api/v1/sales", null, token(creator, EnumSet.of(Scope.SALES_READ)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[0].amount.minor").value(1000))
			.andExpect(jsonPath("$.items[0].gross.amount").value("11.90"))
			.andExpect(jsonPath("$.items[0].tax.amount").value("1.90"))
			.andExpect(jsonPath("$.items[0].taxCountry").value("DE"))
			.andExpect(jsonPath("$.items[0].grossMinor").value(1190))
			.andExpect(jsonPath("$.items[0].taxMinor").value(190))
			.andExpect(jsonPath("$.items[0].feeMinor").value(100))
			.andExpect(jsonPath("$.items[0].netMinor").value(900));
		send(HttpMethod.GET, "/api/v1/earnings", null, token(creator, EnumSet.of(Scope.SALES_READ)))
			.andExpect(jsonPath("$[0].grossMinor").value(1190))
			.andExpect(jsonPath("$[0].taxMinor").value(190))
			.andExpect(jsonPath("$[0].feeMinor").value(100))
			.andExpect(jsonPath("$[0].netMinor").value(900));
	}

	@Test
	void salesListOnlyTheCreatorsOwnOrders() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		fixtures.payoutsReady(creator);
		String title = Fixtures.unique("Sold");
		BundleId bundle = fixtures.published(creator, title, "film".getBytes(), "5.00", "USD");
		AccountPrincipal viewer = fixtures.viewer();
		String payAt = mvc.perform(post("/checkout/{id}", bundle).with(user(viewer)).with(csrf()))
			.andReturn().getResponse().getRedirectedUrl();
		mvc.perform(post(payAt + "/pay").with(user(viewer)).with(csrf())).andExpect(status().is3xxRedirection());

		send(HttpMethod.GET, "/api/v1/sales", null, token(creator, EnumSet.of(Scope.SALES_READ)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[0].bundleTitle").value(title))
			.andExpect(jsonPath("$.items[0].amount.amount").value("5.00"))
			.andExpect(jsonPath("$.items[0].status").value("PAID"))
			.andExpect(jsonPath("$.totalItems").value(1))
			.andExpect(content().string(not(containsString(viewer.accountId().toString()))));
		send(HttpMethod.GET, "/api/v1/earnings", null, token(creator, EnumSet.of(Scope.SALES_READ)))
			.andExpect(jsonPath("$[0].grossMinor").value(500));
		send(HttpMethod.GET, "/api/v1/sales", null, token(fixtures.creator(), EnumSet.of(Scope.SALES_READ)))
			.andExpect(jsonPath("$.totalItems").value(0));
	}

	@Test
	void theOpenApiDescriptionIsPublicAndCoversTheApiOnly() throws Exception {
		mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.info.title").value("Reelgate creator API"))
			.andExpect(jsonPath("$.paths['/api/v1/bundles'].get.summary").value(containsString("bundles:read")))
			.andExpect(jsonPath("$.paths['/api/v1/bundles'].post").exists())
			.andExpect(jsonPath("$.paths['/api/v1/bundles/{id}'].put").exists())
			.andExpect(jsonPath("$.paths['/api/v1/bundles/{id}/gate'].put").exists())
			.andExpect(jsonPath("$.paths['/api/v1/bundles/{id}/publish'].post").exists())
			.andExpect(jsonPath("$.paths['/api/v1/bundles/{id}/uploads'].post").exists())
			.andExpect(jsonPath("$.paths['/api/v1/sales'].get").exists())
			.andExpect(jsonPath("$.paths['/studio/bundles']").doesNotExist())
			.andExpect(jsonPath("$.components.securitySchemes.personalAccessToken.scheme").value("bearer"));
	}

	private String token(AccountPrincipal creator, Set<Scope> scopes) {
		return fixtures.as(creator, () -> tokens.create(creator.accountId(), "test", scopes, java.util.Optional.empty()))
			.secret();
	}

	private ResultActions call(Endpoint endpoint, String token) throws Exception {
		return send(endpoint.method, endpoint.path, endpoint.body, token);
	}

	private ResultActions send(HttpMethod method, String path, String body, String token) throws Exception {
		MockHttpServletRequestBuilder request = request(method, path).header("Authorization", "Bearer " + token)
			.accept(MediaType.APPLICATION_JSON);
		if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON).content(body);
		}
		return mvc.perform(request);
	}
}
