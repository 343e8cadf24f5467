package io.reelgate.api;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.shared.BundleId;
import io.reelgate.support.Fixtures;
import io.reelgate.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Uploads started through the API and sent over the tus endpoint with the same bearer token. */
@IntegrationTest
class ApiUploadTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	ApiTokenService tokens;

	@LocalServerPort
	int port;

	@Test
	void anUploadStartedThroughTheApiCompletesOverTusWithTheBearerToken() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		BundleId bundle = fixtures.draft(creator, Fixtures.unique("Api upload"), "film".getBytes());
		String token = token(creator, EnumSet.of(Scope.UPLOADS_WRITE, Scope.BUNDLES_READ));
		byte[] film = new byte[300_000];
		new Random(7).nextBytes(film);

		String upload = start(bundle, token, "Trailer.mp4", film.length)
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.offset").value(0))
			.andExpect(jsonPath("$.headers['Tus-Resumable']").value("1.0.0"))
			.andReturn().getResponse().getContentAsString();
		String path = URI.create(JsonPath.read(upload, "$.uploadUrl")).getPath();

		patch(path, token, 0, Arrays.copyOfRange(film, 0, 100_000)).andExpect(status().isNoContent())
			.andExpect(header().string("Upload-Offset", "100000"));
		mvc.perform(request(HttpMethod.HEAD, path).header("Authorization", "Bearer " + token)
			.header("Tus-Resumable", "1.0.0"))
			.andExpect(status().isOk())
			.andExpect(header().string("Upload-Offset", "100000"));
		patch(path, token, 100_000, Arrays.copyOfRange(film, 100_000, film.length)).andExpect(status().isNoContent())
			.andExpect(header().string("Upload-Offset", Integer.toString(film.length)));

		mvc.perform(get("/api/v1/bundles/{id}", bundle).header("Authorization", "Bearer " + token))
			.andExpect(jsonPath("$.files[?(@.name == 'Trailer.mp4')].sha256").value(sha256(film)))
			.andExpect(jsonPath("$.files[?(@.name == 'Trailer.mp4')].size").value(film.length));
	}

	@Test
	void onlyTheCreatorWhoStartedAnUploadMayContinueIt() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		BundleId bundle = fixtures.draft(creator, Fixtures.unique("Api upload owner"), "film".getBytes());
		String token = token(creator, EnumSet.of(Scope.UPLOADS_WRITE));
		String upload = start(bundle, token, "a.mp4", 10).andReturn().getResponse().getContentAsString();
		String path = URI.create(JsonPath.read(upload, "$.uploadUrl")).getPath();

		AccountPrincipal other = fixtures.creator();
		patch(path, token(other, EnumSet.of(Scope.UPLOADS_WRITE)), 0, new byte[10]).andExpect(status().isNotFound());
		mvc.perform(request(HttpMethod.PATCH, path).with(user(other)).with(csrf().asHeader())
			.header("Tus-Resumable", "1.0.0").header("Upload-Offset", "0")
			.contentType("application/offset+octet-stream").content(new byte[10]))
			.andExpect(status().isNotFound());
		patch(path, token(creator, EnumSet.of(Scope.BUNDLES_WRITE)), 0, new byte[10])
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.missingScope").value("uploads:write"));
		patch(path, "rg_pat_" + "y".repeat(43), 0, new byte[10]).andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", containsString("Bearer")))
			.andExpect(header().string("Tus-Resumable", "1.0.0"));

		patch(path, token, 0, new byte[10]).andExpect(status().isNoContent());
	}

	@Test
	void theTusEndpointWithoutABearerTokenStillNeedsTheSessionsCsrfToken() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		BundleId bundle = fixtures.draft(creator, Fixtures.unique("Tus csrf"), "film".getBytes());
		mvc.perform(post("/studio/uploads").with(user(creator)).header("Tus-Resumable", "1.0.0")
			.header("Upload-Length", "10"))
			.andExpect(status().isForbidden());
		// Signed out: told so (401), so the uploader can ask to sign in rather than give up.
		mvc.perform(post("/studio/uploads").header("Tus-Resumable", "1.0.0").header("Upload-Length", "10")
			.header("Upload-Metadata", "bundle " + java.util.Base64.getEncoder().encodeToString(bundle.toString().getBytes())))
			.andExpect(status().isUnauthorized());
	}

	/** Over real HTTP, since MockMvc's user() would bypass how each chain loads its security context. */
	@Test
	void aSignedInBrowserSessionDoesNotAuthenticateTheApi() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		String base = "http://localhost:" + port;
		String loginPage = browser.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
				HttpResponse.BodyHandlers.ofString()).body();
		Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(loginPage);
		assertThat(csrf.find()).isTrue();
		String form = "username=" + URLEncoder.encode(creator.email(), StandardCharsets.UTF_8)
				+ "&password=a-long-enough-password&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
		browser.send(HttpRequest.newBuilder(URI.create(base + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
		assertThat(browser.send(HttpRequest.newBuilder(URI.create(base + "/studio")).build(),
				HttpResponse.BodyHandlers.discarding()).statusCode()).as("signed in").isEqualTo(200);

		HttpResponse<String> api = browser.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/bundles")).build(),
				HttpResponse.BodyHandlers.ofString());

		assertThat(api.statusCode()).isEqualTo(401);
		assertThat(api.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(api.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
	}

	private ResultActions start(BundleId bundle, String token, String filename, long length) throws Exception {
		return mvc.perform(post("/api/v1/bundles/{id}/uploads", bundle).header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"filename\":\"" + filename + "\",\"length\":" + length + "}"));
	}

	private ResultActions patch(String path, String token, long offset, byte[] chunk) throws Exception {
		return mvc.perform(request(HttpMethod.PATCH, path).header("Authorization", "Bearer " + token)
			.header("Tus-Resumable", "1.0.0")
			.header("Upload-Offset", Long.toString(offset))
			.contentType("application/offset+octet-stream")
			.content(chunk));
	}

	private String token(AccountPrincipal creator, Set<Scope> scopes) {
		return fixtures.as(creator, () -> tokens.create(creator.accountId(), "uploads", scopes, Optional.empty()))
			.secret();
	}

	private static String sha256(byte[] bytes) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
	}
}
