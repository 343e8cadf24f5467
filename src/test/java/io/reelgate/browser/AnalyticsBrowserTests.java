package io.reelgate.browser;

import java.time.Duration;
import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.analytics.AnalyticsTestSupport;
import io.reelgate.checkout.PlatformFee;
import io.reelgate.shared.BundleId;
import io.reelgate.shared.Money;
import io.reelgate.support.Fixtures;
import io.reelgate.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A viewer's visit and purchase show in the creator's analytics: in the table and in the Chart.js charts, which
 * load under the strict Content-Security-Policy.
 */
@IntegrationTest
class AnalyticsBrowserTests {

	/** Headless Chromium says so in its User-Agent, and analytics rightly takes it for a robot. */
	private static final String DESKTOP_CHROME = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 "
			+ "(KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36";

	@Autowired
	Fixtures fixtures;

	@Autowired
	PlatformFee fee;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	@Test
	void aCreatorSeesAViewAndASaleInTheTableAndTheCharts() {
		AccountPrincipal creator = fixtures.creator();
		fixtures.payoutsReady(creator);
		String title = Fixtures.unique("Charted");
		BundleId bundle = fixtures.published(creator, title, "film".getBytes(), "4.99", "USD");
		AccountPrincipal viewer = fixtures.viewer();

		Page buyer = logIn(viewer);
		buyer.navigate(chromium.url("/bundles/" + bundle + "?ref=launch"));
		buyer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Buy for $4.99")).click();
		buyer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Pay $4.99 (simulated)")).click();
		assertThat(buyer).hasURL(chromium.url("/library"));
		await().atMost(Duration.ofSeconds(20))
			.until(() -> jdbc.sql("select count(*) from analytics_events where bundle_id = ? and kind = 'UNLOCK'")
				.param(bundle.value()).query(Long.class).single() == 1);
		AnalyticsTestSupport.rollUpToday(context);

		Page studio = logIn(creator);
		studio.navigate(chromium.url("/studio"));
		studio.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Analytics")).click();
		studio.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(title)).click();
		assertThat(studio.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Analytics: " + title)))
			.isVisible();
		studio.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Last 7 days")).click();
		assertThat(studio.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Money"))).containsText("$4.99");
		assertThat(studio.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Top referrers")))
			.containsText("ref:launch");

		studio.waitForFunction("() => window.Chart && Chart.getChart('chart-money')");
		@SuppressWarnings("unchecked")
		List<Object> net = (List<Object>) studio.evaluate("() => { const d = Chart.getChart('chart-money').data; "
				+ "return [d.datasets[0].label, d.datasets[0].data.at(-1), Chart.getChart('chart-activity').data.datasets[0].data.at(-1)]; }");
		long expectedNet = 499 - fee.of(Money.of(499, "USD")).minor();
		assertThat(net.get(0)).isEqualTo("Net (USD)");
		assertThat(((Number) net.get(1)).doubleValue()).isEqualTo(expectedNet / 100.0);
		assertThat(((Number) net.get(2)).intValue()).isEqualTo(1);
		assertThat(studio.locator(".chart-error")).isHidden();
		studio.screenshot(new Page.ScreenshotOptions().setPath(java.nio.file.Path.of("target", "screenshots",
				"analytics.png")).setFullPage(true));
		assertThat(chromium.blockedByContentSecurityPolicy()).isEmpty();
	}

	private Page logIn(AccountPrincipal who) {
		Page page = chromium
			.page(new Browser.NewContextOptions().setUserAgent(DESKTOP_CHROME).setViewportSize(1280, 900));
		chromium.logIn(page, who.email(), Chromium.PASSWORD);
		return page;
	}
}
