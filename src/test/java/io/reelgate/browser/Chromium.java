package io.reelgate.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One headless system Chromium per browser test class: {@code @RegisterExtension static final Chromium chromium =
 * new Chromium();}. Skips (or, in CI, fails) the class when no Chromium is installed; see {@link BrowserSupport}.
 */
final class Chromium implements BeforeAllCallback, AfterAllCallback {

	private Playwright playwright;

	private Browser browser;

	@Override
	public void beforeAll(ExtensionContext context) {
		var executable = BrowserSupport.chromium();
		playwright = BrowserSupport.playwright();
		browser = BrowserSupport.launch(playwright, executable);
	}

	@Override
	public void afterAll(ExtensionContext context) {
		if (playwright != null) {
			playwright.close();
		}
	}

	Browser browser() {
		return browser;
	}
}
