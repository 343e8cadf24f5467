package io.reelgate.browser;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.test.context.junit.jupiter.SpringExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What every browser test class shares: {@code @RegisterExtension static final Chromium chromium = new Chromium();}
 * gives the headless system Chromium that every browser class of the run shares (skipping, or in CI failing, the
 * class when none is installed; see {@link BrowserSupport}), the shared test application's address ({@link #url}),
 * pages in browser contexts of their own that record what the Content-Security-Policy blocked ({@link #page}),
 * failing the test if anything was, and the login form.
 */
final class Chromium implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

	/** The password {@code Fixtures} gives every account it makes. */
	static final String PASSWORD = "a-long-enough-password";

	private final List<String> blockedByContentSecurityPolicy = new CopyOnWriteArrayList<>();

	private Browser browser;

	private int port;

	@Override
	public void beforeAll(ExtensionContext context) {
		var executable = BrowserSupport.chromium();
		// Starting Playwright's driver and Chromium costs a second or two of both cores; once per run is enough,
		// since each test's pages live in browser contexts of their own. JUnit closes it after the last class.
		browser = context.getRoot()
			.getStore(ExtensionContext.Namespace.create(Chromium.class))
			.computeIfAbsent(SharedBrowser.class, key -> new SharedBrowser(executable), SharedBrowser.class)
			.browser();
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		blockedByContentSecurityPolicy.clear();
		port = SpringExtension.getApplicationContext(context)
			.getEnvironment()
			.getRequiredProperty("local.server.port", Integer.class);
	}

	/** Runs after the class's own {@code @AfterEach} methods: the pages must work without CSP exceptions. */
	@Override
	public void afterEach(ExtensionContext context) {
		assertEquals(List.of(), blockedByContentSecurityPolicy);
	}

	@Override
	public void afterAll(ExtensionContext context) {
		if (browser != null) {
			// Nothing a class opened (a playing video, a page still polling) runs on into the next class.
			browser.contexts().forEach(BrowserContext::close);
		}
	}

	Browser browser() {
		return browser;
	}

	/** Playwright's driver and the browser, closed by JUnit with the root context's store at the end of the run. */
	private static final class SharedBrowser implements AutoCloseable {

		private final Playwright playwright;

		private final Browser browser;

		SharedBrowser(Path executable) {
			playwright = BrowserSupport.playwright();
			browser = BrowserSupport.launch(playwright, executable);
		}

		Browser browser() {
			return browser;
		}

		@Override
		public void close() {
			playwright.close();
		}
	}

	/** The address of {@code path} on the test application. */
	String url(String path) {
		return "http://localhost:" + port + path;
	}

	/** A page in a new browser context whose Content-Security-Policy violations fail the test. */
	Page page(Browser.NewContextOptions options) {
		Page page = browser.newContext(options).newPage();
		page.onConsoleMessage(message -> {
			if (message.text().contains("Content Security Policy")) {
				blockedByContentSecurityPolicy.add(message.text());
			}
		});
		return page;
	}

	/** What the Content-Security-Policy blocked so far in this test. */
	List<String> blockedByContentSecurityPolicy() {
		return List.copyOf(blockedByContentSecurityPolicy);
	}

	/** Fills in and sends the login form on {@code page}; callers wait for what they expect next. */
	void logIn(Page page, String email, String password) {
		page.navigate(url("/login"));
		page.getByLabel("Email").fill(email);
		page.getByLabel("Password").fill(password);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
	}
}
