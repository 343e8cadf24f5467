package io.reelgate.browser;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.shared.BundleId;
import io.reelgate.support.Fixtures;
import io.reelgate.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** "Log in to buy" on a bundle page comes back to the bundle after logging in, and the visitor buys it there. */
@IntegrationTest
class LoginReturnBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	private final List<String> blockedByContentSecurityPolicy = new CopyOnWriteArrayList<>();

	@AfterEach
	void nothingWasBlockedByTheContentSecurityPolicy() {
		assertEquals(List.of(), blockedByContentSecurityPolicy);
	}

	@Test
	void logInToBuyReturnsToTheBundleAndBuys() {
		AccountPrincipal creator = fixtures.creator();
		String title = Fixtures.unique("Come Back Here");
		BundleId bundle = fixtures.published(creator, title, "the film".getBytes(), "4.99", "USD");
		AccountPrincipal viewer = fixtures.viewer();

		Page page = page();
		page.navigate(url("/bundles/" + bundle));
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Log in to buy")).click();
		page.getByLabel("Email").fill(viewer.email());
		page.getByLabel("Password").fill("a-long-enough-password");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();

		assertThat(page).hasURL(url("/bundles/" + bundle));
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(title))).isVisible();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Buy for $4.99")).click();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Pay $4.99 (simulated)")).click();
		assertThat(page).hasURL(url("/library"));
		assertThat(page.getByRole(AriaRole.STATUS)).containsText("Payment received");
	}

	private Page page() {
		Page page = chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(1280, 900)).newPage();
		page.onConsoleMessage(message -> {
			if (message.text().contains("Content Security Policy")) {
				blockedByContentSecurityPolicy.add(message.text());
			}
		});
		return page;
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}
}
