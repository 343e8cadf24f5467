package io.reelgate.uploads;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.reelgate.accounts.AccountPrincipal;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser's side of the tus endpoint on the wire: real HTTP to the running server, with the session cookie and
 * CSRF token a signed-in page has, so that the site's own security filters judge every request (MockMvc's
 * {@code user()} would skip how the session is read).
 */
final class TusWire {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

	private final String base;

	private String csrf;

	TusWire(int port) {
		this.base = "http://localhost:" + port;
	}

	/** Signs in through the login form, as the creator would; the CSRF token then comes from a signed-in page. */
	TusWire signIn(AccountPrincipal account) throws Exception {
		String form = "username=" + URLEncoder.encode(account.email(), StandardCharsets.UTF_8)
				+ "&password=a-long-enough-password&_csrf=" + URLEncoder.encode(token("/login"), StandardCharsets.UTF_8);
		HttpResponse<Void> login = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
		assertThat(login.statusCode()).as("signed in").isEqualTo(302);
		assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
		csrf = token("/studio");
		return this;
	}

	/** Signs out, as another tab of the same browser would; this one keeps its page and its old token. */
	void signOut() throws Exception {
		String form = "_csrf=" + URLEncoder.encode(token("/studio"), StandardCharsets.UTF_8);
		http.send(HttpRequest.newBuilder(URI.create(base + "/logout"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
	}

	String csrf() {
		return csrf;
	}

	/** A request to the endpoint (or an upload under it), with {@code Tus-Resumable} and nothing else set. */
	HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create(base + path)).header("Tus-Resumable", "1.0.0");
	}

	/** The same, carrying the page's CSRF token as the uploader sends it. */
	HttpRequest.Builder withCsrf(String path) {
		return request(path).header("X-CSRF-TOKEN", csrf);
	}

	HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private String token(String page) throws Exception {
		String html = http.send(HttpRequest.newBuilder(URI.create(base + page)).build(),
				HttpResponse.BodyHandlers.ofString()).body();
		Matcher matcher = CSRF.matcher(html);
		assertThat(matcher.find()).as("a CSRF token on " + page).isTrue();
		return matcher.group(1);
	}
}
