package io.reelgate.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

/**
 * Starts Playwright on the system's Chromium, never a downloaded browser. Outside CI a machine without Chromium
 * skips the browser tests with a message saying how to install it; in CI (CI=true) that is a failure.
 *
 * <p>Debian's {@code chromium-headless-shell} comes first: the same Chromium release (Blink, V8, the media stack)
 * built without the desktop browser around it, which is what Playwright itself runs for headless tests. On a
 * 2-core machine it took 79 s of CPU for the browser classes where the full browser in headless mode took 192 s, and
 * those classes 170 s instead of 257 s. The full {@code chromium} is the fallback (Ubuntu has no headless shell).
 */
public final class BrowserSupport {

	private static final List<String> ARGS = List.of("--no-sandbox", "--disable-gpu", "--disable-quic",
			"--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync");

	private BrowserSupport() {
	}

	public static Path chromium() {
		Optional<Path> found = Stream.of(System.getenv("CHROMIUM_PATH"), "/usr/bin/chromium-headless-shell",
				"/usr/bin/chromium", "/usr/bin/chromium-browser")
			.filter(p -> p != null && !p.isBlank())
			.map(Path::of)
			.filter(Files::isExecutable)
			.findFirst();
		if (found.isEmpty()) {
			String message = "No Chromium found at /usr/bin/chromium-headless-shell or /usr/bin/chromium (or "
					+ "CHROMIUM_PATH): browser tests need it. "
					+ "Install it with: apt-get install -y chromium-headless-shell";
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				fail(message);
			}
			abort(message);
		}
		return found.get();
	}

	public static Playwright playwright() {
		// Playwright's 5 s default is tight on a 2-core machine where the app, PostgreSQL, ffmpeg and Chromium share
		// the cores; an assertion that holds still passes at once, one that never holds fails after 15 s.
		PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
		return Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
	}

	public static Browser launch(Playwright playwright, Path chromium) {
		return playwright.chromium()
			.launch(new BrowserType.LaunchOptions().setExecutablePath(chromium).setHeadless(true).setArgs(ARGS));
	}
}
