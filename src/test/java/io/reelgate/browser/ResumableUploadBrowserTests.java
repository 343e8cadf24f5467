package io.reelgate.browser;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.reelgate.support.Fixtures;
import io.reelgate.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The resumable uploader in a real browser: the connection dies part-way through a film, the creator reloads the
 * page, chooses the same file again, and the upload continues from where the server has it (not from byte 0) and
 * ends as a bundle file with the right SHA-256.
 */
@IntegrationTest
class ResumableUploadBrowserTests {

	@TempDir
	Path temp;

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	@Test
	void anUploadCutOffAndReloadedContinuesWhereItStoppedAndIsVerified() throws Exception {
		Path film = temp.resolve("long-take.mp4");
		byte[] filmBytes = new byte[4 * 1024 * 1024 + 123];
		new Random(99).nextBytes(filmBytes);
		Files.write(film, filmBytes);
		Page creator = chromium.browser().newContext().newPage();
		creator.navigate(chromium.url("/signup?as=creator"));
		creator.getByLabel("Email").fill(Fixtures.unique("creator") + "@example.test");
		creator.getByLabel("Name shown to others").fill("Long Take Films");
		creator.getByLabel("Password").fill("a-long-enough-password");
		creator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create account")).click();
		creator.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New bundle")).click();
		creator.getByLabel("Title").fill("Long Take " + Fixtures.unique(""));
		creator.getByLabel("Short description").fill("One shot, no cuts.");
		creator.getByLabel("Long description").fill("Ninety minutes in a single take.");
		creator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create draft")).click();
		assertThat(creator.getByRole(AriaRole.STATUS)).containsText("Draft created");

		// The network lets the first two 1 MB chunks through and then drops every further one.
		AtomicInteger patches = new AtomicInteger();
		creator.route("**/studio/uploads/**", route -> {
			if ("PATCH".equals(route.request().method()) && patches.incrementAndGet() > 2) {
				route.abort();
			}
			else {
				route.resume();
			}
		});
		creator.getByLabel("File to add").setInputFiles(film);
		creator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload").setExact(true)).click();
		assertThat(creator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Pause"))).isVisible();
		creator.waitForCondition(() -> patches.get() >= 3);
		var files = creator.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Files"));
		assertThat(files.getByRole(AriaRole.PROGRESSBAR, new Locator.GetByRoleOptions().setName("Upload progress")))
			.isVisible();
		assertThat(files.locator(".upload-text")).containsText("of 4.0 MB");

		// Reload before the network comes back, so that no retry of the old page can finish the upload meanwhile.
		creator.reload();
		creator.unrouteAll();
		List<String> offsets = new CopyOnWriteArrayList<>();
		creator.onRequest(request -> {
			if ("PATCH".equals(request.method())) {
				offsets.add(request.headerValue("upload-offset"));
			}
		});
		creator.getByLabel("File to add").setInputFiles(film);
		creator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload").setExact(true)).click();

		assertThat(creator.getByRole(AriaRole.STATUS)).containsText("File uploaded and verified.");
		assertThat(creator.getByText("SHA-256 " + sha256(filmBytes))).isVisible();
		assertThat(offsets).isNotEmpty();
		// At least the two chunks that got through before the cut (a retry may slip one more in before the reload).
		assertThat(Long.parseLong(offsets.get(0))).isBetween(2L * 1024 * 1024, (long) filmBytes.length - 1);
	}

	@Test
	void anUploadWhoseSessionEndsMidwayAsksToSignInAndThenResumesFromTheServersOffset() throws Exception {
		byte[] filmBytes = new byte[4 * 1024 * 1024 + 77];
		new Random(100).nextBytes(filmBytes);
		Path film = temp.resolve("night-shift.mp4");
		Files.write(film, filmBytes);
		BrowserContext browser = chromium.browser().newContext();
		Page creator = browser.newPage();
		String email = signUpWithDraft(creator, "Night Shift");

		// The creator signs out in another tab while the second chunk is on its way: it reaches the server with a
		// session that has ended (and so with a CSRF token that went with it).
		AtomicInteger patches = new AtomicInteger();
		List<String> requests = new CopyOnWriteArrayList<>();
		creator.onRequest(request -> {
			if (request.url().contains("/studio/uploads")) {
				requests.add(request.method() + " " + request.headerValue("upload-offset"));
			}
		});
		String cookies = browser.cookies().stream().map(cookie -> cookie.name + "=" + cookie.value)
			.collect(java.util.stream.Collectors.joining("; "));
		creator.route("**/studio/uploads/**", route -> {
			if ("PATCH".equals(route.request().method()) && patches.incrementAndGet() == 2) {
				signOutElsewhere(cookies);
			}
			route.resume();
		});
		creator.getByLabel("File to add").setInputFiles(film);
		creator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload").setExact(true)).click();

		var files = creator.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Files"));
		assertThat(files.getByRole(AriaRole.ALERT)).containsText("You were signed out");
		assertThat(files.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Sign in (opens a new tab)")))
			.isVisible();
		Locator resume = creator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Resume"));
		assertThat(resume).isVisible();
		// Resuming while still signed out asks again, and forgets nothing.
		int asked = requests.size();
		resume.click();
		creator.waitForCondition(() -> requests.size() > asked);
		assertThat(files.getByRole(AriaRole.ALERT)).containsText("You were signed out");
		assertThat(resume).isVisible();

		// Signed in again elsewhere with the same browser's cookies (as another tab would), so this page is never
		// sent to the background: a hidden tab in headless Chromium renders no frames, and closing the other tab and
		// bringing this one back has no timeout of its own.
		signInElsewhere(browser, email);
		int before = requests.size();
		creator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Resume")).click();

		assertThat(creator.getByRole(AriaRole.STATUS)).containsText("File uploaded and verified.");
		assertThat(creator.getByText("SHA-256 " + sha256(filmBytes))).isVisible();
		List<String> resumed = requests.subList(before, requests.size());
		// The same upload URL, asked for its offset, continued from the first chunk: never created again.
		assertThat(requests.stream().filter(r -> r.startsWith("POST"))).hasSize(1);
		assertThat(resumed.get(0)).startsWith("HEAD");
		assertThat(resumed.stream().filter(r -> r.startsWith("PATCH")).findFirst())
			.hasValue("PATCH " + 1024 * 1024);
	}

	@Test
	void tusJsClientOverridingPatchWithSha1ChecksumsUploadsAVerifiedFile() throws Exception {
		BrowserContext browser = chromium.browser().newContext();
		Page creator = browser.newPage();
		signUpWithDraft(creator, "Override");
		String bundle = creator.locator("form[data-tus-endpoint]").getAttribute("data-bundle-id");
		creator.waitForFunction("() => window.tus !== undefined");
		List<String> sent = new CopyOnWriteArrayList<>();
		creator.onRequest(request -> {
			if (request.url().contains("/studio/uploads/")) {
				sent.add(request.method() + " " + request.headerValue("x-http-method-override") + " "
						+ request.headerValue("upload-checksum"));
			}
		});

		// tus-js-client as a client behind a proxy that passes only GET and POST would use it, checking every chunk
		// with SHA-1 (the algorithm the checksum extension requires), computed by the browser's own crypto.
		Object outcome = creator.evaluate("""
				([bundle]) => new Promise((resolve) => {
				  const bytes = new Uint8Array(2 * 1024 * 1024 + 5);
				  for (let i = 0; i < bytes.length; i++) { bytes[i] = (i * 31 + 7) % 251; }
				  const file = new Blob([bytes]);
				  const chunkSize = 1024 * 1024;
				  const csrf = {};
				  csrf[document.querySelector('meta[name=csrf-header]').content] =
				    document.querySelector('meta[name=csrf-token]').content;
				  const upload = new tus.Upload(file, {
				    endpoint: '/studio/uploads', chunkSize, overridePatchMethod: true, headers: csrf, retryDelays: null,
				    metadata: { bundle, filename: 'override.mp4' },
				    onBeforeRequest: async (request) => {
				      const offset = request.getHeader('Upload-Offset');
				      if (request.getMethod() !== 'POST' || offset === undefined || offset === null) { return; }
				      const start = Number(offset);
				      const chunk = await file.slice(start, start + chunkSize).arrayBuffer();
				      const digest = new Uint8Array(await crypto.subtle.digest('SHA-1', chunk));
				      request.setHeader('Upload-Checksum', 'sha1 ' + btoa(String.fromCharCode(...digest)));
				    },
				    onSuccess: () => resolve('done'),
				    onError: (e) => resolve('error ' + (e.originalResponse ? e.originalResponse.getStatus() : 0)),
				  });
				  upload.start();
				})""", List.of(bundle));

		assertThat(outcome).isEqualTo("done");
		assertThat(sent).isNotEmpty().allSatisfy(request -> assertThat(request).startsWith("POST PATCH sha1 "));
		assertThat(sent).hasSize(3);
		creator.reload();
		byte[] expected = new byte[2 * 1024 * 1024 + 5];
		for (int i = 0; i < expected.length; i++) {
			expected[i] = (byte) ((i * 31 + 7) % 251);
		}
		assertThat(creator.getByText("SHA-256 " + sha256(expected))).isVisible();

		// A chunk that does not match its checksum is refused with 460 and not kept.
		Object corrupt = creator.evaluate("""
				([bundle]) => new Promise((resolve) => {
				  const file = new Blob([new Uint8Array(100000)]);
				  const csrf = {};
				  csrf[document.querySelector('meta[name=csrf-header]').content] =
				    document.querySelector('meta[name=csrf-token]').content;
				  new tus.Upload(file, {
				    endpoint: '/studio/uploads', overridePatchMethod: true, headers: csrf, retryDelays: null,
				    metadata: { bundle, filename: 'corrupt.mp4' },
				    onBeforeRequest: (request) => {
				      if (request.getMethod() === 'POST' && request.getHeader('Upload-Offset') !== undefined) {
				        request.setHeader('Upload-Checksum', 'sha1 ' + btoa('not the digest of it'));
				      }
				    },
				    onSuccess: () => resolve('done'),
				    onError: (e) => resolve('error ' + (e.originalResponse ? e.originalResponse.getStatus() : 0)),
				  }).start();
				})""", List.of(bundle));
		assertThat(corrupt).isEqualTo("error 460");
	}

	/** Signs up a creator with a fresh draft and leaves the page on its editor; returns the address. */
	private String signUpWithDraft(Page creator, String title) {
		String email = Fixtures.unique("creator") + "@example.test";
		creator.navigate(chromium.url("/signup?as=creator"));
		creator.getByLabel("Email").fill(email);
		creator.getByLabel("Name shown to others").fill(title + " Films");
		creator.getByLabel("Password").fill("a-long-enough-password");
		creator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create account")).click();
		creator.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New bundle")).click();
		creator.getByLabel("Title").fill(title + " " + Fixtures.unique(""));
		creator.getByLabel("Short description").fill("A short film.");
		creator.getByLabel("Long description").fill("A longer description.");
		creator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create draft")).click();
		assertThat(creator.getByRole(AriaRole.STATUS)).containsText("Draft created");
		return email;
	}

	/**
	 * Logs the browser's session out as another tab would (its logout form, with its cookies), over plain HTTP: this
	 * runs inside a route handler, where the browser itself is busy.
	 */
	private void signOutElsewhere(String cookies) {
		try {
			HttpClient http = HttpClient.newBuilder().connectTimeout(java.time.Duration.ofSeconds(10)).build();
			String page = http.send(HttpRequest.newBuilder(URI.create(chromium.url("/studio"))).header("Cookie", cookies).build(), HttpResponse.BodyHandlers.ofString()).body();
			Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
			org.assertj.core.api.Assertions.assertThat(csrf.find()).as("signed in before").isTrue();
			HttpResponse<Void> logout = http.send(HttpRequest.newBuilder(URI.create(chromium.url("/logout")))
				.header("Cookie", cookies)
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("_csrf=" + URLEncoder.encode(csrf.group(1),
						StandardCharsets.UTF_8)))
				.build(), HttpResponse.BodyHandlers.discarding());
			org.assertj.core.api.Assertions.assertThat(logout.statusCode()).isEqualTo(302);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Signs in through the login form's own POST, sharing the browser context's cookies. */
	private void signInElsewhere(BrowserContext browser, String email) {
		String form = browser.request().get(chromium.url("/login")).text();
		Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form);
		org.assertj.core.api.Assertions.assertThat(csrf.find()).as("login form").isTrue();
		com.microsoft.playwright.APIResponse login = browser.request().post(chromium.url("/login"),
				com.microsoft.playwright.options.RequestOptions.create()
					.setForm(com.microsoft.playwright.options.FormData.create().set("username", email)
						.set("password", "a-long-enough-password").set("_csrf", csrf.group(1)))
					.setMaxRedirects(0));
		org.assertj.core.api.Assertions.assertThat(login.status()).isEqualTo(302);
	}

	private static String sha256(byte[] bytes) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
	}
}
