package io.reelgate.cluster;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.imageio.ImageIO;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import io.reelgate.browser.BrowserSupport;
import io.reelgate.support.Fixtures;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two application processes started from the packaged jar, on one PostgreSQL server and one storage directory,
 * behind nginx (the shipped {@code config/nginx-cluster.conf}) on a port that is not 80, as an operator runs them.
 * Instances are killed with {@code kill -9}. The methods run in order and share what the first one created: a
 * creator's published paid bundle bought by a viewer.
 *
 * <p>Tagged {@code packaged-jar}: the failsafe plugin runs it in the {@code integration-test} phase, after
 * {@code package} has built the jar; surefire leaves it out. Alone:
 * {@code ./mvnw -B verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=TwoProcessesBehindNginxTests}.
 */
@Tag("packaged-jar")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoProcessesBehindNginxTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final Pattern CSRF_META = Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"");

	/** Seconds on a quiet machine; minutes when eight builds share two cores. */
	private static final Duration STARTUP = Duration.ofMinutes(15);

	private static final Duration PAGE_TIMEOUT = Duration.ofSeconds(60);

	/** What tus-js-client waits before each retry, as the studio's uploader configures it (static/js/upload.js). */
	private static final List<Integer> TUS_RETRY_DELAYS = List.of(0, 1000, 3000, 5000, 10000, 20000);

	/** Kept after the run (the instances' and nginx's logs are there), emptied when the next run starts. */
	private static final Path work = Path.of("target", "two-processes").toAbsolutePath();

	private EmbeddedPostgres postgres;

	private JdbcClient jdbc;

	private final List<AppProcess> instances = new ArrayList<>();

	private NginxProcess nginx;

	private Playwright playwright;

	private Browser chromium;

	private final byte[] film = random(24 * 1024 * 1024 + 5, 21);

	/** The signed download link of the film the viewer bought, and the viewer's page. */
	private String downloadLink;

	@BeforeAll
	void startTwoInstancesBehindNginx() throws Exception {
		Path nginxExecutable = NginxProcess.executable();
		Path chromiumExecutable = BrowserSupport.chromium();
		AppProcess.jar();
		FileSystemUtils.deleteRecursively(work);
		postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
		jdbc = JdbcClient.create(postgres.getPostgresDatabase());
		for (String name : List.of("a", "b")) {
			instances.add(new AppProcess(name, work.resolve(name), settings()).start());
		}
		for (AppProcess instance : instances) {
			instance.awaitReady(STARTUP);
		}
		nginx = new NginxProcess(work.resolve("nginx")).start(instances);
		assertThat(nginxExecutable).isNotNull();
		playwright = BrowserSupport.playwright();
		chromium = BrowserSupport.launch(playwright, chromiumExecutable);
		// Two JVMs, nginx and Chromium on a shared machine: pages take seconds, not Playwright's default 5 s.
		PlaywrightAssertions.setDefaultAssertionTimeout(PAGE_TIMEOUT.toMillis());
	}

	@AfterAll
	void stopEverything() throws Exception {
		if (playwright != null) {
			playwright.close();
		}
		if (nginx != null) {
			nginx.stop();
		}
		for (AppProcess instance : instances) {
			instance.stop();
		}
		if (postgres != null) {
			postgres.close();
		}
	}

	@Test
	@Order(1)
	void redirectsKeepThePortBehindNginxAndTheForwardedSchemeAndPort() throws Exception {
		assertThat(curl("-s", "-o", "/dev/null", "-w", "%{redirect_url}", nginx.base() + "/studio"))
			.isEqualTo(nginx.base() + "/login");
		// As nginx in front of TLS on 8443 would ask: the instance trusts forwarded headers from loopback.
		assertThat(curl("-s", "-o", "/dev/null", "-w", "%{redirect_url}", "-H", "Host: films.example.test:8443",
				"-H", "X-Forwarded-Proto: https", "-H", "X-Forwarded-Port: 8443",
				instances.get(0).url("/studio").toString()))
			.isEqualTo("https://films.example.test:8443/login");
	}

	@Test
	@Order(2)
	void aCreatorPublishesAndAViewerBuysInABrowserThroughNginx() throws Exception {
		Path filmFile = work.resolve("night-shift.mp4");
		Files.write(filmFile, film);
		String title = Fixtures.unique("Night Shift");

		Page creator = page();
		String creatorEmail = signUp(creator, "/signup?as=creator", "Cluster Studio");
		assertThat(creator).hasURL(nginx.base() + "/studio");
		verify(creatorEmail);
		creator.navigate(nginx.base() + "/studio");
		creator.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New bundle")).click();
		creator.getByLabel("Title").fill(title);
		creator.getByLabel("Short description").fill("One night, two servers.");
		creator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create draft")).click();
		assertThat(creator.getByRole(AriaRole.STATUS)).containsText("Draft created");
		// The studio's resumable uploader (tus-js-client) through nginx, to whichever instance.
		creator.getByLabel("File to add").setInputFiles(filmFile);
		creator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload").setExact(true)).click();
		assertThat(creator.getByRole(AriaRole.STATUS)).containsText("File uploaded and verified.");
		assertThat(creator.getByText("SHA-256 " + sha256(film))).isVisible();
		creator.getByLabel("Cover image (PNG, JPEG, WebP or GIF)").setInputFiles(cover());
		creator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload cover")).click();
		assertThat(creator.getByRole(AriaRole.STATUS)).containsText("Cover saved.");
		creator.getByLabel("Paid").check();
		creator.getByLabel("Price", new Page.GetByLabelOptions().setExact(true)).fill("3.50");
		creator.getByLabel("Currency").selectOption("USD");
		creator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save gate")).click();
		assertThat(creator.getByRole(AriaRole.STATUS)).containsText("Gate saved.");
		creator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publish")).click();
		assertThat(creator.getByRole(AriaRole.STATUS)).containsText("Published");

		Page viewer = page();
		String viewerEmail = signUp(viewer, "/signup", "Night Owl");
		verify(viewerEmail);
		String bundle = jdbc.sql("SELECT id::text FROM bundles WHERE title = ?").param(title).query(String.class)
			.single();
		viewer.navigate(nginx.base() + "/bundles/" + bundle);
		viewer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Buy for $3.50")).click();
		viewer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Pay $3.50 (simulated)")).click();
		assertThat(viewer).hasURL(nginx.base() + "/library");
		assertThat(viewer.getByRole(AriaRole.STATUS)).containsText("Payment received");
		downloadLink = viewer.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Download night-shift.mp4"))
			.getAttribute("href");
		assertThat(downloadLink).startsWith("/dl/");
	}

	@Test
	@Order(3)
	void aSignedDownloadCutByAKilledInstanceResumesOnTheOtherWithIdenticalBytes() throws Exception {
		assertThat(downloadLink).as("the viewer bought the film (the test before)").isNotNull();
		Path download = work.resolve("downloaded.mp4");
		AppProcess serving = null;
		long cutAt = film.length;
		// The kernel may already hold the whole film in the sockets between the instance, nginx and curl (loopback
		// buffers grow to tens of MB here), and then killing the instance cuts nothing; try again, a few times.
		for (int attempt = 1; attempt <= 3 && cutAt == film.length; attempt++) {
			if (serving != null) {
				serving.start();
				serving.awaitReady(STARTUP);
			}
			Files.deleteIfExists(download);
			serving = killServingInstanceMidDownload(download);
			cutAt = Files.size(download);
		}
		assertThat(cutAt).as("cut in the middle").isBetween(3_000_000L, film.length - 1L);
		// Back for the next test while the download resumes on the survivor.
		serving.start();

		String status = curl("-sS", "-f", "-C", "-", "-o", download.toString(), "-w", "%{http_code}",
				nginx.base() + downloadLink);
		assertThat(status).isEqualTo("206");
		assertThat(sha256(Files.readAllBytes(download))).isEqualTo(sha256(film));
		System.out.printf("MEASURED download cut at %,d of %,d bytes by killing %s, resumed with 206%n", cutAt,
				film.length, serving.name());
	}

	/** Starts a slow download, kills the instance serving it once 3 MB have arrived, and waits for curl to end. */
	private AppProcess killServingInstanceMidDownload(Path download) throws Exception {
		Process slow = new ProcessBuilder("curl", "-sS", "-f", "--limit-rate", "2M", "-o", download.toString(),
				nginx.base() + downloadLink).redirectErrorStream(true).start();
		AppProcess serving = null;
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (serving == null || !Files.exists(download) || Files.size(download) < 3_000_000) {
			assertThat(System.nanoTime()).as("3 MB arrived from one instance").isLessThan(deadline);
			assertThat(slow.isAlive()).as("the download runs").isTrue();
			serving = serving == null ? servingInstance() : serving;
			Thread.sleep(50);
		}
		serving.kill();
		assertThat(slow.waitFor(30, TimeUnit.SECONDS)).isTrue();
		return serving;
	}

	@Test
	@Order(4)
	void aTusUploadWhoseInstanceIsKilledMidPatchIsFinishedOnTheOtherWithinTenSeconds() throws Exception {
		for (AppProcess instance : instances) {
			instance.awaitReady(STARTUP);
		}
		Session creator = new Session();
		String email = creator.signUp("CREATOR");
		verify(email);
		String editor = creator.form("/studio/bundles", creator.csrf("/studio/bundles/new"),
				Map.of("title", Fixtures.unique("Killed upload"), "summary", "Taken over")).headers()
			.firstValue("Location").orElseThrow();
		String bundleId = editor.substring(editor.lastIndexOf('/') + 1);
		String token = creator.csrfMeta("/studio/bundles/" + bundleId);
		byte[] upload = random(12 * 1024 * 1024 + 3, 22);
		int sentBeforeKill = 5 * 1024 * 1024;

		HttpResponse<String> created = creator.send(HttpRequest.newBuilder(creator.url("/studio/uploads"))
			.header("Tus-Resumable", "1.0.0")
			.header("Upload-Length", String.valueOf(upload.length))
			.header("Upload-Metadata", "bundle " + base64(bundleId) + ",filename " + base64("killed.mp4"))
			.header("X-CSRF-TOKEN", token)
			.POST(HttpRequest.BodyPublishers.noBody()));
		assertThat(created.statusCode()).isEqualTo(201);
		String location = creator.url("/").resolve(created.headers().firstValue("Location").orElseThrow()).toString();
		UUID id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));

		// One PATCH for the whole file whose client stalls after 5 MB until its instance has been killed.
		CountDownLatch killed = new CountDownLatch(1);
		creator.sendAsync(tus(location, token, 0).method("PATCH", HttpRequest.BodyPublishers.fromPublisher(
				HttpRequest.BodyPublishers.ofInputStream(() -> new Stalling(upload, sentBeforeKill, killed)),
				upload.length)));
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		while (durableOffset(id) < 2_000_000) {
			assertThat(System.nanoTime()).as("2 MB checkpointed within a minute").isLessThan(deadline);
			Thread.sleep(20);
		}
		long holderPid = jdbc.sql("SELECT i.pid FROM upload_sessions u JOIN cluster_instances i "
				+ "ON i.id = u.lease_instance WHERE u.id = ? AND u.lease_token IS NOT NULL")
			.param(id).query(Long.class).single();
		AppProcess holder = instances.stream().filter(i -> i.pid() == holderPid).findFirst().orElseThrow();
		holder.kill();
		long killedAt = System.nanoTime();
		killed.countDown();

		// What tus-js-client does after a failed request: wait, ask the offset (HEAD), send the rest from there.
		List<String> answers = new ArrayList<>();
		HttpResponse<String> finished = null;
		for (int delay : TUS_RETRY_DELAYS) {
			Thread.sleep(delay);
			HttpResponse<String> head = creator.send(tus(location, token, -1)
				.method("HEAD", HttpRequest.BodyPublishers.noBody()));
			answers.add("HEAD " + head.statusCode());
			if (head.statusCode() != 200) {
				continue;
			}
			int offset = Integer.parseInt(head.headers().firstValue("Upload-Offset").orElseThrow());
			HttpResponse<String> patch = creator.send(tus(location, token, offset).method("PATCH",
					HttpRequest.BodyPublishers.ofByteArray(Arrays.copyOfRange(upload, offset, upload.length))));
			answers.add("PATCH@" + offset + " " + patch.statusCode());
			if (patch.statusCode() == 204) {
				finished = patch;
				break;
			}
			assertThat(patch.statusCode()).as("a status tus clients retry").isIn(423, 502, 503);
		}
		double seconds = (System.nanoTime() - killedAt) / 1e9;
		System.out.printf("MEASURED tus upload finished %.2f s after killing %s: %s%n", seconds, holder.name(),
				answers);
		assertThat(finished).as("finished on the survivor: " + answers).isNotNull();
		assertThat(finished.headers().firstValue("Upload-Offset")).contains(String.valueOf(upload.length));
		assertThat(seconds).as("finished within 10 s of the kill").isLessThan(10);
		assertThat(jdbc.sql("SELECT sha256 FROM bundle_files WHERE bundle_id = ?::uuid").param(bundleId)
			.query(String.class).single()).isEqualTo(sha256(upload));
	}

	private Map<String, String> settings() {
		return Map.ofEntries(Map.entry("spring.datasource.url", postgres.getJdbcUrl("postgres", "postgres")),
				Map.entry("spring.datasource.username", "postgres"),
				Map.entry("server.forward-headers-strategy", "native"),
				Map.entry("reelgate.storage.filesystem-root", work.resolve("shared/files").toString()),
				Map.entry("reelgate.uploads.staging-directory", work.resolve("shared/uploads").toString()),
				Map.entry("reelgate.uploads.checkpoint", "1MB"),
				// Shorter than the defaults (2s, 6s), so that the uploader's retry after 4 s finds the upload free.
				Map.entry("reelgate.cluster.heartbeat-interval", "1s"),
				Map.entry("reelgate.cluster.instance-timeout", "3s"),
				Map.entry("reelgate.downloads.links.secret", "a-link-secret-shared-by-both-processes-0123"),
				Map.entry("reelgate.catalog.max-file-size", "64MB"),
				Map.entry("reelgate.catalog.storage-quota", "1GB"),
				Map.entry("reelgate.media.enabled", "false"));
	}

	/**
	 * The instance streaming the slowed download: the one whose connection to nginx has bytes waiting in its send
	 * queue ({@code /proc/net/tcp}), since nginx passes them on only as fast as the client reads.
	 */
	private AppProcess servingInstance() throws IOException {
		// The JVM listens on both stacks: nginx's connections to 127.0.0.1 may be listed as IPv6 (mapped) sockets.
		List<String> sockets = new ArrayList<>(Files.readAllLines(Path.of("/proc/net/tcp")));
		if (Files.exists(Path.of("/proc/net/tcp6"))) {
			sockets.addAll(Files.readAllLines(Path.of("/proc/net/tcp6")));
		}
		for (AppProcess instance : instances) {
			String local = String.format(":%04X ", instance.port());
			for (String line : sockets) {
				if (line.contains("local_address")) {
					continue;
				}
				String[] columns = line.trim().split("\\s+");
				long sendQueue = Long.parseLong(columns[4].split(":")[0], 16);
				if ((columns[1] + " ").endsWith(local) && "01".equals(columns[3]) && sendQueue > 0) {
					return instance;
				}
			}
		}
		return null;
	}

	private long durableOffset(UUID upload) {
		return jdbc.sql("SELECT upload_offset FROM upload_sessions WHERE id = ?").param(upload).query(Long.class)
			.single();
	}

	private void verify(String email) {
		// As if the mailed link had been followed; the link itself is tested in the accounts module.
		assertThat(jdbc.sql("UPDATE accounts SET email_verified_at = now() WHERE email = ?").param(email).update())
			.isEqualTo(1);
	}

	private Page page() {
		BrowserContext context = chromium.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
		context.setDefaultTimeout(PAGE_TIMEOUT.toMillis());
		return context.newPage();
	}

	private String signUp(Page page, String path, String name) {
		String email = Fixtures.unique("cluster") + "@example.test";
		page.navigate(nginx.base() + path);
		page.getByLabel("Email").fill(email);
		page.getByLabel("Name shown to others").fill(name);
		page.getByLabel("Password").fill("a-long-enough-password");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create account")).click();
		page.waitForLoadState();
		return email;
	}

	private HttpRequest.Builder tus(String location, String token, long offset) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(location))
			.header("Tus-Resumable", "1.0.0")
			.header("X-CSRF-TOKEN", token);
		if (offset >= 0) {
			request.header("Upload-Offset", String.valueOf(offset))
				.header("Content-Type", "application/offset+octet-stream");
		}
		return request;
	}

	private static String curl(String... arguments) throws Exception {
		List<String> command = new ArrayList<>(List.of("curl"));
		command.addAll(List.of(arguments));
		Process curl = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
		String out = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(curl.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(curl.exitValue()).as("curl " + command).isZero();
		return out;
	}

	private Path cover() throws IOException {
		BufferedImage image = new BufferedImage(200, 300, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(new Color(30, 60, 120));
		g.fillRect(0, 0, 200, 300);
		g.dispose();
		Path file = work.resolve("cover.png");
		ImageIO.write(image, "png", file.toFile());
		return file;
	}

	private static byte[] random(int length, long seed) {
		byte[] bytes = new byte[length];
		new Random(seed).nextBytes(bytes);
		return bytes;
	}

	private static String sha256(byte[] bytes) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
	}

	private static String base64(String text) {
		return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

	/** A person's HTTP client through nginx: one cookie jar, HTTP/1.1 as browsers speak to nginx here. */
	private final class Session {

		private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
			.version(HttpClient.Version.HTTP_1_1).build();

		URI url(String path) {
			return URI.create(nginx.base() + path);
		}

		String signUp(String type) throws Exception {
			String email = Fixtures.unique("cluster") + "@example.test";
			HttpResponse<String> response = form("/signup", csrf("/signup"), Map.of("email", email, "displayName",
					"Cluster", "password", "a-long-enough-password", "accountType", type));
			assertThat(response.statusCode()).isEqualTo(302);
			assertThat(url("/signup").resolve(response.headers().firstValue("Location").orElseThrow()))
				.isEqualTo(url("/studio"));
			return email;
		}

		String csrf(String path) throws Exception {
			return match(CSRF, send(HttpRequest.newBuilder(url(path))).body());
		}

		String csrfMeta(String path) throws Exception {
			return match(CSRF_META, send(HttpRequest.newBuilder(url(path))).body());
		}

		HttpResponse<String> form(String path, String csrf, Map<String, String> fields) throws Exception {
			String body = fields.entrySet().stream()
				.map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
				.collect(Collectors.joining("&", "_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8) + "&", ""));
			return send(HttpRequest.newBuilder(url(path)).header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(body)));
		}

		HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
			return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}

		void sendAsync(HttpRequest.Builder request) {
			http.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding());
		}

		private static String match(Pattern pattern, String html) {
			Matcher matcher = pattern.matcher(html);
			assertThat(matcher.find()).as("a CSRF token on the page").isTrue();
			return matcher.group(1);
		}
	}

	/** The first bytes of a body, then nothing until {@code release}, then a failure: a client cut off. */
	private static final class Stalling extends InputStream {

		private final byte[] bytes;

		private final int stallAt;

		private final CountDownLatch release;

		private int position;

		Stalling(byte[] bytes, int stallAt, CountDownLatch release) {
			this.bytes = bytes;
			this.stallAt = stallAt;
			this.release = release;
		}

		@Override
		public int read() {
			throw new UnsupportedOperationException();
		}

		@Override
		public int read(byte[] buffer, int off, int len) throws IOException {
			if (position < stallAt) {
				int n = Math.min(len, stallAt - position);
				System.arraycopy(bytes, position, buffer, off, n);
				position += n;
				return n;
			}
			try {
				release.await(60, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			throw new IOException("The client was cut off");
		}
	}
}
