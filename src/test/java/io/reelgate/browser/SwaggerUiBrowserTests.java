package io.reelgate.browser;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Optional;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.api.ApiTokenService;
import io.reelgate.api.Scope;
import io.reelgate.support.Fixtures;
import io.reelgate.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The creator API's Swagger UI works under the site's strict Content-Security-Policy, "Try it out" included. */
@IntegrationTest
class SwaggerUiBrowserTests {

	@Autowired
	Fixtures fixtures;

	@Autowired
	ApiTokenService tokens;

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	@Test
	void swaggerUiShowsTheApiAndCallsItWithAToken() {
		AccountPrincipal creator = fixtures.creator();
		String title = Fixtures.unique("Swagger film");
		fixtures.draft(creator, title, "film".getBytes());
		String token = fixtures.as(creator, () -> tokens.create(creator.accountId(), "swagger",
				EnumSet.of(Scope.BUNDLES_READ), Optional.empty())).secret();
		Page page = chromium.page(new Browser.NewContextOptions());

		page.navigate(chromium.url("/swagger-ui.html"));
		page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
		PlaywrightAssertions.assertThat(page.getByRole(AriaRole.HEADING)
			.filter(new Locator.FilterOptions().setHasText("Reelgate creator API")).first()).isVisible();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Authorize").setExact(false)).first().click();
		Locator dialog = page.locator(".auth-container");
		dialog.getByLabel("auth-bearer-value").fill(token);
		dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Apply credentials")).click();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Close")).first().click();
		Locator list = page.locator("#operations-api-bundles-controller-list");
		list.locator(".opblock-summary").first().click();
		list.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Try it out")).click();
		list.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Execute")).click();

		PlaywrightAssertions.assertThat(list.locator(".live-responses-table tr.response .response-col_status").first())
			.containsText("200");
		PlaywrightAssertions.assertThat(list.locator(".live-responses-table")).containsText(title);
		page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", "swagger-ui.png")));
		assertThat(chromium.blockedByContentSecurityPolicy()).isEmpty();
	}
}
