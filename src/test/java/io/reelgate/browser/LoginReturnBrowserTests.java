package io.reelgate.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.shared.BundleId;
import io.reelgate.support.Fixtures;
import io.reelgate.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** "Log in to buy" on a bundle page comes back to the bundle after logging in, and the visitor buys it there. */
@IntegrationTest
class LoginReturnBrowserTests {

	@Autowired
	Fixtures fixtures;

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	@Test
	void logInToBuyReturnsToTheBundleAndBuys() {
		AccountPrincipal creator = fixtures.creator();
		String title = Fixtures.unique("Come Back Here");
		BundleId bundle = fixtures.published(creator, title, "the film".getBytes(), "4.99", "USD");
		AccountPrincipal viewer = fixtures.viewer();

		Page page = page();
		page.navigate(chromium.url("/bundles/" + bundle));
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Log in to buy")).click();
		page.getByLabel("Email").fill(viewer.email());
		page.getByLabel("Password").fill("a-long-enough-password");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();

		assertThat(page).hasURL(chromium.url("/bundles/" + bundle));
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(title))).isVisible();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Buy for $4.99")).click();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Pay $4.99 (simulated)")).click();
		assertThat(page).hasURL(chromium.url("/library"));
		assertThat(page.getByRole(AriaRole.STATUS)).containsText("Payment received");
	}

	private Page page() {
		Page page = chromium.page(new Browser.NewContextOptions().setViewportSize(1280, 900));
		return page;
	}
}
