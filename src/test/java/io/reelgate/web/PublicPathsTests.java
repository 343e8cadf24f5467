package io.reelgate.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.reelgate.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Over the real port: what a crawler, a stale shared link and a browser's asset requests get. */
@IntegrationTest
class PublicPathsTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Test
	void unknownUrlsAre404ForAnonymousVisitorsInsteadOfALoginWall() throws Exception {
		for (String path : new String[] { "/no-such-page", "/bundles-old/42", "/wp-login.php", "/library-of-films" }) {
			HttpResponse<String> response = get(path, "text/html");
			assertThat(response.statusCode()).as(path).isEqualTo(404);
			assertThat(response.body()).as(path).contains("Not found");
		}
	}

	@Test
	void protectedPagesStillSendAnonymousVisitorsToLogIn() throws Exception {
		for (String path : new String[] { "/library", "/account", "/studio/no-such-page", "/admin/no-such-page" }) {
			HttpResponse<String> response = get(path, "text/html");
			assertThat(response.statusCode()).as(path).isEqualTo(302);
			assertThat(response.headers().firstValue("Location")).as(path).hasValueSatisfying(
					location -> assertThat(location).endsWith("/login"));
		}
	}

	@Test
	void aControllersPathAskedWithAnotherMethodStaysProtected() throws Exception {
		// /account/delete answers POST only; a GET must not turn it into a public 404 or 405 before sign-in.
		assertThat(get("/account/delete", "text/html").statusCode()).isEqualTo(302);
	}

	@Test
	void staticAssetsHaveContentHashedUrlsCachedForAYearAndAreCompressed() throws Exception {
		String page = get("/", "text/html").body();
		Matcher css = Pattern.compile("href=\"(/webjars/bootstrap/[0-9.]+/css/bootstrap\\.min-[0-9a-f]{32}\\.css)\"")
			.matcher(page);
		assertThat(css.find()).as("the page links Bootstrap by a content-hashed URL").isTrue();
		Matcher own = Pattern.compile("href=\"(/css/reelgate-[0-9a-f]{32}\\.css)\"").matcher(page);
		assertThat(own.find()).isTrue();

		HttpResponse<byte[]> plain = http.send(request(css.group(1)).build(), HttpResponse.BodyHandlers.ofByteArray());
		HttpResponse<byte[]> gzipped = http.send(request(css.group(1)).header("Accept-Encoding", "gzip").build(),
				HttpResponse.BodyHandlers.ofByteArray());

		assertThat(plain.statusCode()).isEqualTo(200);
		assertThat(plain.headers().firstValue("Cache-Control")).hasValue("max-age=31536000, public");
		assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
		assertThat(gzipped.body().length).isLessThan(plain.body().length / 4);
		assertThat(get("/img/favicon.svg", "image/svg+xml").statusCode()).isEqualTo(200);
	}

	@Test
	void formPagesStillCarryNoStoreWhileAssetsAreCached() throws Exception {
		// The login form carries a CSRF token of the visitor's session (public pages: PublicPageCachingTests).
		assertThat(get("/login", "text/html").headers().firstValue("Cache-Control")).hasValueSatisfying(
				value -> assertThat(value).contains("no-store"));
	}

	private HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
		return http.send(request(path).header("Accept", accept).build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
	}
}
