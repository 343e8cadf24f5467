package io.reelgate.browser;

import java.nio.file.Path;
import java.time.Duration;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.analytics.AnalyticsTestSupport;
import io.reelgate.catalog.Gate;
import io.reelgate.catalog.StudioDefaultsSwitch;
import io.reelgate.notifications.SentMails;
import io.reelgate.shared.BundleId;
import io.reelgate.support.Fixtures;
import io.reelgate.support.IntegrationTest;
import io.reelgate.support.Sounds;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Gates and pricing in a real browser: a creator unlocks a trailer, sets pay what you want and makes a discount
 * code (for a fixed-price bundle: codes do not apply to pay what you want); a viewer tries the trailer without an
 * account, pays a price of their choosing, buys the other bundle through the code's shared link, and both sales
 * show on the creator's sales page with what was charged. A new bundle opens in the editor with the operator's
 * default gate, price and currency ({@code reelgate.studio.defaults.*}, switched through
 * {@link StudioDefaultsSwitch} and put back after each test).
 */
@IntegrationTest
class GatesBrowserTests {

	@Autowired
	Fixtures fixtures;

	@Autowired
	SentMails mails;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	private StudioDefaultsSwitch defaults;

	@BeforeEach
	void switchable() {
		defaults = new StudioDefaultsSwitch(context);
	}

	@AfterEach
	void configuredDefaults() {
		defaults.restore();
	}

	@Test
	void aNewBundleOpensInTheEditorWithTheOperatorsDefaultGatePriceAndCurrency() {
		AccountPrincipal account = fixtures.creator();

		defaults.to(Gate.PAID, "EUR", "4.99");
		Page creator = logIn(account.email(), "en-US");
		createBundle(creator, Fixtures.unique("Priced From The Start"));
		assertThat(gate(creator, "Paid")).isChecked();
		assertThat(gate(creator, "Free for everyone")).not().isChecked();
		assertThat(creator.getByLabel("Price", new Page.GetByLabelOptions().setExact(true))).hasValue("4.99");
		assertThat(creator.getByLabel("Currency", new Page.GetByLabelOptions().setExact(true))).hasValue("EUR");

		// Pay what you want, for a creator whose browser writes amounts the German way: minimum and suggestion alike.
		defaults.to(Gate.PWYW, "EUR", "2.50");
		Page german = logIn(account.email(), "de-DE");
		createBundle(german, Fixtures.unique("Name Your Price From The Start"));
		assertThat(gate(german, "Pay what you want")).isChecked();
		assertThat(german.getByLabel("Price", new Page.GetByLabelOptions().setExact(true))).hasValue("2,50");
		assertThat(german.getByLabel("Suggested price")).hasValue("2,50");
		assertThat(german.getByLabel("Currency", new Page.GetByLabelOptions().setExact(true))).hasValue("EUR");

		// Free, with no currency of its own: the editor proposes reelgate.catalog.default-currency (USD here).
		defaults.to(Gate.FREE, null, "4.99");
		createBundle(creator, Fixtures.unique("Free From The Start"));
		assertThat(gate(creator, "Free for everyone")).isChecked();
		assertThat(gate(creator, "Paid")).not().isChecked();
		assertThat(creator.getByLabel("Price", new Page.GetByLabelOptions().setExact(true))).hasValue("");
		assertThat(creator.getByLabel("Currency", new Page.GetByLabelOptions().setExact(true))).hasValue("USD");
	}

	@Test
	void aViewerPaysWhatTheyWantAndUsesADiscountCodeAndTheCreatorSeesBothSales() {
		AccountPrincipal account = fixtures.creator();
		String title = Fixtures.unique("Choose Your Price");
		BundleId bundle = fixtures.draft(account, title, "the film".getBytes());
		fixtures.addFile(account, bundle, "trailer.wav", Sounds.wav(2));
		String fixedTitle = Fixtures.unique("Full Price");
		BundleId fixedBundle = fixtures.published(account, fixedTitle, "another film".getBytes(), "10.00", "USD");

		Page creator = logIn(account.email());
		creator.navigate(chromium.url("/studio/bundles/" + bundle));
		creator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Unlock for everyone trailer.wav"))
			.click();
		assertThat(creator.getByRole(AriaRole.STATUS)).containsText("Unlocked");
		creator.getByLabel("Pay what you want").check();
		creator.getByLabel("Price", new Page.GetByLabelOptions().setExact(true)).fill("2.00");
		creator.getByLabel("Suggested price").fill("6.00");
		creator.getByLabel("Currency").selectOption("USD");
		creator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save gate")).click();
		assertThat(creator.getByRole(AriaRole.STATUS)).containsText("Gate saved.");
		creator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publish")).click();
		assertThat(creator.getByRole(AriaRole.STATUS)).containsText("Published");

		creator.navigate(chromium.url("/studio"));
		creator.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Discount codes")).click();
		creator.getByLabel("Code (3 to 40").fill("friends");
		creator.getByLabel("For", new Page.GetByLabelOptions().setExact(true))
			.selectOption(new SelectOption().setLabel("All my bundles"));
		creator.getByLabel("Percentage off").check();
		creator.getByLabel("Percentage (1 to 100) or amount").fill("25");
		creator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create code")).click();
		assertThat(creator.getByRole(AriaRole.STATUS)).containsText("Discount code created.");
		// A code for all of the creator's bundles: its link is any bundle's link with ?code= added.
		assertThat(creator.getByText("Add ?code=FRIENDS to the link of any of your bundles.")).isVisible();

		Page viewer = page();
		viewer.navigate(chromium.url("/bundles/" + bundle));
		assertThat(viewer.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Free for everyone")))
			.isVisible();
		assertThat(viewer.getByLabel("Play trailer.wav")).isVisible();
		Download trailer = viewer.waitForDownload(() -> viewer
			.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Download trailer.wav")).click());
		assertEquals("trailer.wav", trailer.suggestedFilename());

		String email = Fixtures.unique("chooser") + "@example.test";
		signUp(viewer, email);
		viewer.navigate(chromium.url(mails.latestLink(email, "/email/verify")));
		viewer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm my email address")).click();
		assertThat(viewer.getByRole(AriaRole.STATUS)).containsText("your email address is confirmed");
		viewer.navigate(chromium.url("/bundles/" + bundle));
		Locator amount = viewer.getByLabel("Name your price (USD)");
		assertThat(amount).hasValue("6.00");
		amount.fill("1.00");
		viewer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Get it at this price")).click();
		assertThat(viewer.getByText("The minimum for this bundle is 2.00 USD.").first()).isVisible();
		// The code lowers the minimum by 25 %, to 1.50; the viewer still chooses what they pay above it.
		viewer.navigate(chromium.url("/bundles/" + bundle + "?code=FRIENDS"));
		assertThat(viewer.getByText("Code FRIENDS applied: the minimum is $1.50 instead of $2.00.")).isVisible();
		assertThat(viewer.getByLabel("Discount code (optional)")).hasValue("FRIENDS");
		viewer.getByLabel("Name your price (USD)").fill("7.50");
		viewer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Get it at this price")).click();
		viewer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Pay $7.50 (simulated)")).click();
		assertThat(viewer.getByRole(AriaRole.STATUS)).containsText("Payment received");

		viewer.navigate(chromium.url("/bundles/" + fixedBundle + "?code=FRIENDS"));
		assertThat(viewer.getByText("Code FRIENDS applied: $7.50 instead of $10.00.")).isVisible();
		assertThat(viewer.getByLabel("Discount code (optional)")).hasValue("FRIENDS");
		viewer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Buy for $7.50")).click();
		viewer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Pay $7.50 (simulated)")).click();
		assertThat(viewer.getByRole(AriaRole.STATUS)).containsText("Payment received");

		creator.navigate(chromium.url("/studio/sales"));
		assertThat(creator.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(title)))
			.containsText("$7.50");
		assertThat(creator.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(fixedTitle)))
			.containsText("list $10.00, code FRIENDS");
		creator.screenshot(new Page.ScreenshotOptions()
			.setPath(Path.of("target", "screenshots", "sales-with-discount.png")).setFullPage(true));

		// Both sales reach the creator's analytics: the money table and the chart drawn from it.
		await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("""
				select count(*) from analytics_events where creator_id = ? and kind = 'UNLOCK'""")
			.param(account.accountId().value()).query(Long.class).single() == 2);
		AnalyticsTestSupport.rollUpToday(context);
		creator.navigate(chromium.url("/studio"));
		creator.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Analytics")).click();
		creator.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Last 7 days")).click();
		assertThat(creator.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Money")))
			.containsText("$15.00");
		creator.waitForFunction("() => window.Chart && Chart.getChart('chart-money')");
		Object grossCharted = creator.evaluate("() => Chart.getChart('chart-money').data.datasets"
				+ ".map(d => d.data.at(-1)).reduce((a, b) => Math.max(a, b), 0)");
		assertTrue(((Number) grossCharted).doubleValue() > 0, "the money chart shows the day's sales");
	}

	private Page logIn(String email) {
		Page page = page();
		chromium.logIn(page, email, Chromium.PASSWORD);
		return page;
	}

	/** Logged in from a browser set to {@code locale}, which the editor writes amounts for. */
	private Page logIn(String email, String locale) {
		Page page = chromium.page(new Browser.NewContextOptions().setLocale(locale).setViewportSize(1280, 900));
		chromium.logIn(page, email, Chromium.PASSWORD);
		return page;
	}

	/** Creates a draft from the studio's New bundle form; the page is then the editor. */
	private void createBundle(Page creator, String title) {
		creator.navigate(chromium.url("/studio"));
		creator.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New bundle")).click();
		creator.getByLabel("Title").fill(title);
		creator.getByLabel("Short description").fill("Made with the operator's editor defaults.");
		creator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create draft")).click();
		assertThat(creator.getByRole(AriaRole.STATUS)).containsText("Draft created");
		assertThat(creator.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Gate and price")))
			.isVisible();
	}

	/** The editor's radio button for a gate, by its label. */
	private static Locator gate(Page editor, String label) {
		return editor.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Who gets the files"))
			.getByLabel(label, new Locator.GetByLabelOptions().setExact(true));
	}

	private void signUp(Page page, String email) {
		page.navigate(chromium.url("/signup"));
		page.getByLabel("Email").fill(email);
		page.getByLabel("Name shown to others").fill("Chooser");
		page.getByLabel("Password").fill("a-long-enough-password");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create account")).click();
	}

	private Page page() {
		Page page = chromium.page(new Browser.NewContextOptions().setAcceptDownloads(true).setViewportSize(1280, 900));
		return page;
	}
}
