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
import io.reelgate.support.S3Server;
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
import software.amazon.awssdk.services.s3.S3Client;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the application in one JVM, on their own ports, sharing one PostgreSQL server and one S3 bucket
 * (S3Proxy) and nothing else, as behind a load balancer: each has its own local directories. Whatever one instance
 * did, the other must see.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MultiInstanceTests {

	@TempDir
	static Path local;

	private EmbeddedPostgres postgres;

	private S3Server s3;

	private String bucket;

	private ConfigurableApplicationContext a;

	private ConfigurableApplicationContext b;

	private final StripeStub stripe = StripeStub.get();

	@BeforeAll
	void startTwoInstances() throws Exception {
		postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
		s3 = S3Server.start();
		bucket = s3.newBucket();
		a = instance("a");
		b = instance("b");
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
		if (s3 != null) {
			s3.close();
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
		// About 12 MB: three parts of 5 MiB, 5 MiB and the rest.
		byte[] film = "A frame of a film shot across two instances.\n".repeat(270_000)
			.getBytes(StandardCharsets.UTF_8);
		int first = 7_000_000;
		int second = 9_000_000;

		HttpResponse<String> created = creator.send(a, HttpRequest.newBuilder(Browser.url(a, "/studio/uploads"))
			.header("Tus-Resumable", "1.0.0")
			.header("Upload-Length", String.valueOf(film.length))
			.header("Upload-Metadata", "bundle " + base64(bundleId) + ",filename " + base64("film.bin"))
			.header("X-CSRF-TOKEN", token)
			.POST(HttpRequest.BodyPublishers.noBody()));
		assertThat(created.statusCode()).isEqualTo(201);
		String upload = URI.create(created.headers().firstValue("Location").orElseThrow()).getPath();

		// A stores part 1 and keeps the 1.7 MB after it as a tail object, which B must read back first.
		assertThat(creator.send(a, patch(a, upload, token, 0, Arrays.copyOfRange(film, 0, first))).statusCode())
			.isEqualTo(204);
		assertThat(offset(creator, b, upload)).isEqualTo(first);
		assertThat(creator.send(b, patch(b, upload, token, first, Arrays.copyOfRange(film, first, second)))
			.statusCode()).isEqualTo(204);
		assertThat(offset(creator, a, upload)).isEqualTo(second);
		assertThat(creator.send(a, patch(a, upload, token, second, Arrays.copyOfRange(film, second, film.length)))
			.statusCode()).isEqualTo(204);

		String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(film));
		Map<String, Object> file = jdbc().sql("select sha256, storage_key from bundle_files where bundle_id = ?::uuid")
			.param(bundleId)
			.query()
			.singleRow();
		assertThat(file.get("sha256")).isEqualTo(sha256);
		try (S3Client admin = s3.client()) {
			byte[] stored = admin.getObjectAsBytes(get -> get.bucket(bucket).key((String) file.get("storage_key")))
				.asByteArray();
			assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(stored)))
				.isEqualTo(sha256);
			assertThat(admin.listMultipartUploads(list -> list.bucket(bucket)).uploads()).isEmpty();
			assertThat(admin.listObjectsV2(list -> list.bucket(bucket).prefix("staging/")).contents()).isEmpty();
		}
		for (String instance : new String[] { "a", "b" }) {
			assertThat(local.resolve(instance).resolve("uploads")).as("nothing staged on local disks")
				.doesNotExist();
		}
	}

	private static long offset(Browser browser, ConfigurableApplicationContext instance, String upload)
			throws Exception {
		HttpResponse<String> status = browser.send(instance, HttpRequest.newBuilder(Browser.url(instance, upload))
			.header("Tus-Resumable", "1.0.0").method("HEAD", HttpRequest.BodyPublishers.noBody()));
		return Long.parseLong(status.headers().firstValue("Upload-Offset").orElseThrow());
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

	@Test
	void aPeerAnnouncedToOneInstanceIsHandedOutByTheOther() throws Exception {
		Browser creator = new Browser();
		creator.signUp(a, "CREATOR");
		String editor = creator.form(a, "/studio/bundles", Browser.csrf(creator.get(a, "/studio/bundles/new").body()),
				Map.of("title", "Swarm across instances", "summary", "One tracker")).headers().firstValue("Location")
			.orElseThrow();
		BundleId bundle = new BundleId(java.util.UUID.fromString(editor.substring(editor.lastIndexOf('/') + 1)));
		String email = jdbc().sql("select a.email from accounts a join bundles b on b.owner_id = a.id where b.id = ?")
			.param(bundle.value()).query(String.class).single();
		AccountPrincipal owner = (AccountPrincipal) a.getBean(UserDetailsService.class).loadUserByUsername(email);
		new Fixtures(a.getBean(AccountService.class), a.getBean(UserDetailsService.class),
				a.getBean(CatalogService.class), a.getBean(BundleMedia.class), a.getBean(Sellers.class))
			.addFile(owner, bundle, "film.mp4", "A frame of a shared swarm.\n".repeat(1_000).getBytes(StandardCharsets.UTF_8));
		runScheduled(a, "PieceHashJob.run");

		// The creator's own .torrent, from instance B; its announce URL holds the creator's passkey.
		String torrent = creator.get(b, "/library/bundles/" + bundle + "/torrent").body();
		Matcher announce = Pattern.compile("8:announce\\d+:(http://[^/]+/tracker/[^/]+/announce)").matcher(torrent);
		assertThat(announce.find()).as(torrent).isTrue();
		String path = URI.create(announce.group(1)).getPath();
		byte[] infoHash = jdbc().sql("select info_hash from torrents where bundle_id = ?").param(bundle.value())
			.query(byte[].class).single();
		HttpClient http = HttpClient.newHttpClient();
		String hash = HexFormat.of().formatHex(infoHash).replaceAll("(..)", "%$1");
		http.send(HttpRequest.newBuilder(Browser.url(a, path + "?info_hash=" + hash
				+ "&peer_id=-RG0001-instanceA000&port=7101&uploaded=0&downloaded=0&left=0&compact=1&event=started"))
			.build(), HttpResponse.BodyHandlers.ofByteArray());
		byte[] answer = http.send(HttpRequest.newBuilder(Browser.url(b, path + "?info_hash=" + hash
				+ "&peer_id=-RG0001-instanceB000&port=7102&uploaded=0&downloaded=0&left=100&compact=1&event=started"))
			.build(), HttpResponse.BodyHandlers.ofByteArray()).body();
		// 5:peers, then the compact list: 127.0.0.1 and port 7101 (0x1bbd), six bytes.
		byte[] peerA = { '5', ':', 'p', 'e', 'e', 'r', 's', '6', ':', 127, 0, 0, 1, 0x1b, (byte) 0xbd };
		assertThat(new String(answer, StandardCharsets.ISO_8859_1))
			.contains(new String(peerA, StandardCharsets.ISO_8859_1));
	}

	private ConfigurableApplicationContext instance(String name) {
		Map<String, String> properties = Map.ofEntries(
				Map.entry("spring.datasource.url", postgres.getJdbcUrl("postgres", "postgres")),
				Map.entry("spring.datasource.username", "postgres"),
				Map.entry("server.port", "0"),
				Map.entry("reelgate.storage.type", "s3"),
				Map.entry("reelgate.storage.s3.bucket", bucket),
				Map.entry("reelgate.storage.s3.endpoint", s3.endpoint().toString()),
				Map.entry("reelgate.storage.s3.path-style", "true"),
				Map.entry("reelgate.storage.s3.access-key-id", S3Server.ACCESS_KEY),
				Map.entry("reelgate.storage.s3.secret-access-key", S3Server.SECRET_KEY),
				// Local to each instance, as on two machines; with S3 storage uploads never use it.
				Map.entry("reelgate.uploads.staging-directory", local.resolve(name).resolve("uploads").toString()),
				Map.entry("reelgate.downloads.links.secret", "a-link-secret-shared-by-both-instances-0123"),
				Map.entry("reelgate.catalog.max-file-size", "64MB"),
				Map.entry("reelgate.catalog.storage-quota", "1GB"),
				Map.entry("reelgate.stripe.secret-key", "sk_test_cluster"),
				Map.entry("reelgate.stripe.webhook-secret", StripeIntegrationTest.WEBHOOK_SECRET),
				Map.entry("reelgate.stripe.api-base", stripe.baseUrl()),
				Map.entry("reelgate.stripe.reconcile-after", "0s"),
				Map.entry("reelgate.stripe.reconcile-interval", "1h"));
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

	private static int postWebhook(ConfigurableApplicationContext instance, String payload, String signature)
			throws Exception {
		return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + Browser.port(instance)
				+ "/stripe/webhook"))
			.header("Content-Type", "application/json")
			.header("Stripe-Signature", signature)
			.POST(HttpRequest.BodyPublishers.ofString(payload))
			.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
	}
}
