package io.reelgate.cluster;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.reelgate.shared.BundleId;
import io.reelgate.support.Fixtures;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** A person's browser: one cookie jar, whichever instance the load balancer picks. */
final class Browser {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final Pattern CSRF_META = Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"");

	private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

	HttpResponse<String> get(ConfigurableApplicationContext instance, String path) throws Exception {
		return http.send(HttpRequest.newBuilder(url(instance, path)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	void signUp(ConfigurableApplicationContext instance, String type) throws Exception {
		String email = Fixtures.unique("cluster") + "@example.test";
		HttpResponse<String> response = form(instance, "/signup", csrf(get(instance, "/signup").body()),
				Map.of("email", email, "displayName", "Cluster", "password", "a-long-enough-password",
						"accountType", type));
		assertThat(response.statusCode()).isEqualTo(302);
		// As if the verification link had been followed; the link itself is tested in the accounts module.
		instance.getBean(JdbcClient.class)
			.sql("update accounts set email_verified_at = now() where email = ?")
			.param(email)
			.update();
	}

	/** Buy, then "Pay with Stripe" on the order summary it leads to: the answer of the step that ended it. */
	HttpResponse<String> checkout(ConfigurableApplicationContext instance, BundleId bundle) throws Exception {
		HttpResponse<String> bought = form(instance, "/checkout/" + bundle,
				csrf(get(instance, "/bundles/" + bundle).body()), Map.of());
		String summary = bought.headers().firstValue("Location").map(location -> java.net.URI.create(location).getPath())
			.filter(path -> path.startsWith("/checkout/orders/"))
			.orElse(null);
		if (summary == null) {
			return bought;
		}
		return form(instance, summary + "/pay", csrf(get(instance, summary).body()), Map.of());
	}

	HttpResponse<String> send(ConfigurableApplicationContext instance, HttpRequest.Builder request) throws Exception {
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** Sends without waiting for the answer, for a request to be cut off while under way. */
	CompletableFuture<HttpResponse<Void>> sendAsync(HttpRequest.Builder request) {
		return http.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding());
	}

	HttpResponse<String> form(ConfigurableApplicationContext instance, String path, String csrf,
			Map<String, String> fields) throws Exception {
		String body = fields.entrySet().stream()
			.map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&", "_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8) + "&", ""));
		return http.send(HttpRequest.newBuilder(url(instance, path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	static String csrfMeta(String html) {
		Matcher matcher = CSRF_META.matcher(html);
		assertThat(matcher.find()).as("a CSRF meta tag on the page").isTrue();
		return matcher.group(1);
	}

	static String csrf(String html) {
		Matcher matcher = CSRF.matcher(html);
		assertThat(matcher.find()).as("a CSRF token on the page").isTrue();
		return matcher.group(1);
	}

	static URI url(ConfigurableApplicationContext instance, String path) {
		return URI.create("http://localhost:" + port(instance) + path);
	}

	static int port(ConfigurableApplicationContext instance) {
		return Integer.parseInt(instance.getEnvironment().getProperty("local.server.port"));
	}
}
