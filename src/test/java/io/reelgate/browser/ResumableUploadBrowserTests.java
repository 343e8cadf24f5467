package io.reelgate.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.reelgate.support.Fixtures;
import io.reelgate.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The resumable uploader in a real browser: the connection dies part-way through a film, the creator reloads the
 * page, chooses the same file again, and the upload continues from where the server has it (not from byte 0) and
 * ends as a bundle file with the right SHA-256.
 */
@IntegrationTest
class ResumableUploadBrowserTests {

	@LocalServerPort
	int port;

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
		creator.navigate(url("/signup?as=creator"));
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

		creator.unrouteAll();
		creator.reload();
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

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

	private static String sha256(byte[] bytes) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
	}
}
