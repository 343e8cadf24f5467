package io.reelgate.checkout.stripe;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.shared.BundleId;
import io.reelgate.support.Fixtures;
import io.reelgate.support.StripeIntegrationTest;
import io.reelgate.support.StripeStub;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The addresses Reelgate gives Stripe (where to send the buyer back, where a creator's onboarding returns) come
 * from {@code reelgate.public-url}, whatever {@code Host} or {@code X-Forwarded-Host} a request carries: an attacker
 * who could choose them would receive the buyer (and the session id) from Stripe's page. Requests are written on a
 * socket, as only there can the Host header be forged.
 */
@StripeIntegrationTest
class StripeReturnUrlTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final String FORGED = "evil.example";

	private final StripeStub stripe = StripeStub.get();

	@LocalServerPort
	int port;

	@Value("${reelgate.public-url:http://localhost:8080}")
	String publicUrl;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aForgedHostDoesNotReachTheCheckoutReturnUrls() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		fixtures.payoutsReady(creator);
		BundleId bundle = fixtures.published(creator, Fixtures.unique("Host film"), "film".getBytes(), "10.00", "USD");
		AccountPrincipal buyer = fixtures.viewer();
		Session browser = Session.logIn(port, buyer.email());

		String response = browser.forgedPost("/checkout/" + bundle, browser.csrf("/bundles/" + bundle));
		assertThat(response).startsWith("HTTP/1.1 302");
		String orderId = jdbc.sql("select id::text from orders where buyer_id = ?").param(buyer.accountId().value())
			.query(String.class).single();
		// The order summary first; "Pay with Stripe" there creates the Checkout Session.
		String summary = "/checkout/orders/" + orderId;
		response = browser.forgedPost(summary + "/pay", browser.csrf(summary));
		assertThat(response).startsWith("HTTP/1.1 302").contains("Location: https://checkout.stripe.test/");

		assertThat(stripe.requests("POST", "/v1/checkout/sessions"))
			.filteredOn(r -> orderId.equals(r.form().get("client_reference_id")))
			.singleElement()
			.satisfies(r -> {
				assertThat(r.form().get("success_url"))
					.isEqualTo(publicUrl + "/checkout/stripe/return?session_id={CHECKOUT_SESSION_ID}");
				assertThat(r.form().get("cancel_url")).isEqualTo(publicUrl + "/checkout/stripe/cancelled?order=" + orderId);
			});
	}

	@Test
	void aForgedHostDoesNotReachTheConnectOnboardingUrls() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		Session browser = Session.logIn(port, creator.email());

		String response = browser.forgedPost("/studio/payouts/connect", browser.csrf("/studio"));
		assertThat(response).startsWith("HTTP/1.1 302").contains("Location: https://connect.stripe.test/");

		String account = jdbc.sql("select stripe_account_id from seller_accounts where account_id = ?")
			.param(creator.accountId().value()).query(String.class).single();
		assertThat(stripe.requests("POST", "/v1/account_links"))
			.filteredOn(r -> account.equals(r.form().get("account")))
			.singleElement()
			.satisfies(r -> {
				assertThat(r.form().get("refresh_url")).isEqualTo(publicUrl + "/studio/payouts/refresh");
				assertThat(r.form().get("return_url")).isEqualTo(publicUrl + "/studio/payouts/return");
			});
	}

	/** A logged-in browser whose session cookie the test also uses on a raw socket. */
	private record Session(int port, HttpClient http, CookieManager cookies) {

		static Session logIn(int port, String email) throws Exception {
			CookieManager cookies = new CookieManager();
			Session session = new Session(port, HttpClient.newBuilder().cookieHandler(cookies).build(), cookies);
			HttpResponse<String> login = session.http.send(HttpRequest.newBuilder(session.url("/login"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form(session.csrf("/login"),
						Map.of("username", email, "password", "a-long-enough-password"))))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(login.statusCode()).isEqualTo(302);
			assertThat(login.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
			return session;
		}

		String csrf(String path) throws Exception {
			String html = http.send(HttpRequest.newBuilder(url(path)).GET().build(), HttpResponse.BodyHandlers.ofString())
				.body();
			Matcher matcher = CSRF.matcher(html);
			assertThat(matcher.find()).as("a CSRF token on " + path).isTrue();
			return matcher.group(1);
		}

		/** POSTs the form with a forged Host and X-Forwarded-Host; returns the response head. */
		String forgedPost(String path, String csrf) throws Exception {
			String body = form(csrf, Map.of());
			String cookie = cookies.getCookieStore().getCookies().stream().map(HttpCookie::toString)
				.collect(Collectors.joining("; "));
			String request = "POST " + path + " HTTP/1.1\r\n" + "Host: " + FORGED + "\r\n" + "X-Forwarded-Host: "
					+ FORGED + "\r\n" + "X-Forwarded-Proto: https\r\n" + "Cookie: " + cookie + "\r\n"
					+ "Content-Type: application/x-www-form-urlencoded\r\n" + "Content-Length: "
					+ body.getBytes(StandardCharsets.UTF_8).length + "\r\n" + "Connection: close\r\n\r\n" + body;
			try (Socket socket = new Socket("127.0.0.1", port)) {
				socket.setSoTimeout(60_000);
				OutputStream out = socket.getOutputStream();
				out.write(request.getBytes(StandardCharsets.UTF_8));
				out.flush();
				InputStream in = socket.getInputStream();
				String response = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
				int end = response.indexOf("\r\n\r\n");
				return end < 0 ? response : response.substring(0, end);
			}
		}

		URI url(String path) {
			return URI.create("http://localhost:" + port + path);
		}

		private static String form(String csrf, Map<String, String> fields) {
			return Stream.concat(Stream.of(Map.entry("_csrf", csrf)), fields.entrySet().stream())
				.map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
				.collect(Collectors.joining("&"));
		}
	}
}
