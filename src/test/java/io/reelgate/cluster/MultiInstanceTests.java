package io.reelgate.cluster;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.reelgate.ReelgateApplication;
import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.accounts.AccountService;
import io.reelgate.catalog.BundleMedia;
import io.reelgate.catalog.CatalogService;
import io.reelgate.checkout.Sellers;
import io.reelgate.shared.BundleId;
import io.reelgate.support.Fixtures;
import io.reelgate.support.StripeIntegrationTest;
import io.reelgate.support.StripeStub;
import io.reelgate.support.StripeWebhooks;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the application in one JVM, on their own ports, sharing one PostgreSQL server and one storage
 * directory and nothing else, as behind a load balancer. Whatever one instance did, the other must see.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MultiInstanceTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final Pattern CSRF_META = Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"");

	@TempDir
	static Path files;

	private EmbeddedPostgres postgres;

	private ConfigurableApplicationContext a;

	private ConfigurableApplicationContext b;

	private final StripeStub stripe = StripeStub.get();

	@BeforeAll
	void startTwoInstances() throws Exception {
		postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
		a = instance();
		b = instance();
	}

	@AfterAll
	void stop() throws Exception {
		if (a != null) {
			a.close();
		}
		if (b != null) {
			b.close();
		}
		if (postgres != null) {
			postgres.close();
		}
	}

	@Test
	void aLoginOnOneInstanceIsALoginOnTheOther() throws Exception {
		Browser browser = new Browser();
		browser.signUp(a, "CREATOR");
		assertThat(browser.get(b, "/studio").statusCode()).isEqualTo(200);
		assertThat(new Browser().get(b, "/studio").statusCode()).isEqualTo(302);
	}

	@Test
	void anUploadStartedOnOneInstanceIsFinishedOnTheOtherWithTheRightSha256() throws Exception {
		Browser creator = new Browser();
		creator.signUp(a, "CREATOR");
		String editor = creator.form(a, "/studio/bundles", Browser.csrf(creator.get(a, "/studio/bundles/new").body()),
				Map.of("title", "Shared upload", "summary", "Across instances")).headers().firstValue("Location")
			.orElseThrow();
		String bundleId = editor.substring(editor.lastIndexOf('/') + 1);
		String token = Browser.csrfMeta(creator.get(b, "/studio/bundles/" + bundleId).body());
		// Text, so the type detected from the bytes is on the allow-list; random bytes would rightly be refused.
		byte[] film = "A frame of a film shot across two instances.\n".repeat(70_000)
			.getBytes(StandardCharsets.UTF_8);
		int half = film.length / 2;

		HttpResponse<String> created = creator.send(a, HttpRequest.newBuilder(Browser.url(a, "/studio/uploads"))
			.header("Tus-Resumable", "1.0.0")
			.header("Upload-Length", String.valueOf(film.length))
			.header("Upload-Metadata", "bundle " + base64(bundleId) + ",filename " + base64("film.bin"))
			.header("X-CSRF-TOKEN", token)
			.POST(HttpRequest.BodyPublishers.noBody()));
		assertThat(created.statusCode()).isEqualTo(201);
		String upload = URI.create(created.headers().firstValue("Location").orElseThrow()).getPath();

		assertThat(creator.send(a, patch(a, upload, token, 0, Arrays.copyOfRange(film, 0, half))).statusCode())
			.isEqualTo(204);
		HttpResponse<String> status = creator.send(b, HttpRequest.newBuilder(Browser.url(b, upload))
			.header("Tus-Resumable", "1.0.0").method("HEAD", HttpRequest.BodyPublishers.noBody()));
		assertThat(status.headers().firstValue("Upload-Offset")).contains(String.valueOf(half));
		assertThat(creator.send(b, patch(b, upload, token, half, Arrays.copyOfRange(film, half, film.length)))
			.statusCode()).isEqualTo(204);

		assertThat(jdbc().sql("select sha256 from bundle_files where bundle_id = ?::uuid").param(bundleId)
			.query(String.class).single()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
				.digest(film)));
	}

	@Test
	void aRateLimitSpentOnOneInstanceIsSpentOnTheOther() throws Exception {
		BundleId bundle = paidBundle();
		Browser buyer = new Browser();
		buyer.signUp(a, "VIEWER");
		for (int i = 0; i < 5; i++) {
			assertThat(buyer.checkout(i % 2 == 0 ? a : b, bundle).statusCode()).isEqualTo(302);
		}
		HttpResponse<String> refused = buyer.checkout(b, bundle);
		assertThat(refused.statusCode()).isEqualTo(429);
		assertThat(refused.headers().firstValue("Retry-After")).isPresent();
	}

	@Test
	void aCheckoutStartedOnOneInstanceIsFulfilledOnceByAWebhookToTheOther() throws Exception {
		BundleId bundle = paidBundle();
		Browser buyer = new Browser();
		buyer.signUp(a, "VIEWER");
		String location = buyer.checkout(a, bundle).headers().firstValue("Location").orElseThrow();
		String session = location.substring(location.lastIndexOf('/') + 1);
		String orderId = jdbc().sql("select id::text from orders where checkout_session_id = ?").param(session)
			.query(String.class).single();
		stripe.session(session, orderId, "complete", "paid", "pi_cluster_" + orderId.substring(0, 8));

		String payload = StripeWebhooks.event("checkout.session.completed", session, "checkout.session");
		String signature = StripeWebhooks.sign(payload, StripeIntegrationTest.WEBHOOK_SECRET, Instant.now());
		assertThat(postWebhook(b, payload, signature)).isEqualTo(200);
		assertThat(postWebhook(a, payload, signature)).isEqualTo(200);

		assertThat(jdbc().sql("select count(*) from entitlements where order_id = ?::uuid").param(orderId)
			.query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc().sql("select count(*) from ledger_entries where order_id = ?::uuid").param(orderId)
			.query(Long.class).single()).isEqualTo(1);
		assertThat(buyer.get(a, "/library").body()).contains("Download");
	}

	@Test
	void aScheduledJobRunsOnOneInstanceAtATime() throws Exception {
		BundleId bundle = paidBundle();
		Browser buyer = new Browser();
		buyer.signUp(b, "VIEWER");
		String location = buyer.checkout(b, bundle).headers().firstValue("Location").orElseThrow();
		String session = location.substring(location.lastIndexOf('/') + 1);
		String orderId = jdbc().sql("select id::text from orders where checkout_session_id = ?").param(session)
			.query(String.class).single();
		stripe.session(session, orderId, "complete", "paid", "pi_job_" + orderId.substring(0, 8));

		Optional<SimpleLock> heldByA = a.getBean(LockProvider.class).lock(new LockConfiguration(Instant.now(),
				"stripe-reconciliation", Duration.ofMinutes(5), Duration.ZERO));
		assertThat(heldByA).isPresent();
		runScheduled(b, "reconcile");
		assertThat(orderStatus(orderId)).as("B skipped the job while A held it").isEqualTo("PENDING");

		heldByA.get().unlock();
		runScheduled(b, "reconcile");
		assertThat(orderStatus(orderId)).isEqualTo("PAID");
	}

	private ConfigurableApplicationContext instance() {
		Map<String, String> properties = Map.of(
				"spring.datasource.url", postgres.getJdbcUrl("postgres", "postgres"),
				"spring.datasource.username", "postgres",
				"server.port", "0",
				"reelgate.storage.filesystem-root", files.toString(),
				"reelgate.stripe.secret-key", "sk_test_cluster",
				"reelgate.stripe.webhook-secret", StripeIntegrationTest.WEBHOOK_SECRET,
				"reelgate.stripe.api-base", stripe.baseUrl(),
				"reelgate.stripe.reconcile-after", "0s",
				"reelgate.stripe.reconcile-interval", "1h");
		// As command-line arguments: they override application.yml, where builder defaults would not.
		return new SpringApplicationBuilder(ReelgateApplication.class).profiles("test")
			.run(properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
	}

	private BundleId paidBundle() {
		Fixtures fixtures = new Fixtures(a.getBean(AccountService.class), a.getBean(UserDetailsService.class),
				a.getBean(CatalogService.class), a.getBean(BundleMedia.class), a.getBean(Sellers.class));
		AccountPrincipal creator = fixtures.creator();
		fixtures.payoutsReady(creator);
		return fixtures.published(creator, Fixtures.unique("Cluster film"), "film".getBytes(), "4.00", "USD");
	}

	private JdbcClient jdbc() {
		return a.getBean(JdbcClient.class);
	}

	private String orderStatus(String orderId) {
		return jdbc().sql("select status from orders where id = ?::uuid").param(orderId).query(String.class).single();
	}

	/** Runs a job the way the scheduler would, through the bean's proxies (and so through its scheduler lock). */
	private static void runScheduled(ConfigurableApplicationContext instance, String method) {
		instance.getBeansOfType(ScheduledTaskHolder.class).values().stream()
			.flatMap(holder -> holder.getScheduledTasks().stream())
			.map(ScheduledTask::getTask)
			.filter(task -> task.toString().endsWith("." + method))
			.findFirst()
			.orElseThrow()
			.getRunnable()
			.run();
	}

	private static HttpRequest.Builder patch(ConfigurableApplicationContext instance, String upload, String token,
			long offset, byte[] bytes) {
		return HttpRequest.newBuilder(Browser.url(instance, upload))
			.header("Tus-Resumable", "1.0.0")
			.header("Upload-Offset", String.valueOf(offset))
			.header("Content-Type", "application/offset+octet-stream")
			.header("X-CSRF-TOKEN", token)
			.method("PATCH", HttpRequest.BodyPublishers.ofByteArray(bytes));
	}

	private static String base64(String text) {
		return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

	private static int port(ConfigurableApplicationContext instance) {
		return Integer.parseInt(instance.getEnvironment().getProperty("local.server.port"));
	}

	private static int postWebhook(ConfigurableApplicationContext instance, String payload, String signature)
			throws Exception {
		return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port(instance)
				+ "/stripe/webhook"))
			.header("Content-Type", "application/json")
			.header("Stripe-Signature", signature)
			.POST(HttpRequest.BodyPublishers.ofString(payload))
			.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	/** A person's browser: one cookie jar, whichever instance the load balancer picks. */
	private final class Browser {

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
			jdbc().sql("update accounts set email_verified_at = now() where email = ?").param(email).update();
		}

		HttpResponse<String> checkout(ConfigurableApplicationContext instance, BundleId bundle) throws Exception {
			return form(instance, "/checkout/" + bundle, csrf(get(instance, "/bundles/" + bundle).body()), Map.of());
		}

		HttpResponse<String> send(ConfigurableApplicationContext instance, HttpRequest.Builder request) throws Exception {
			return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
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
	}
}
