package io.reelgate.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.checkout.Discount;
import io.reelgate.checkout.DiscountService;
import io.reelgate.checkout.DiscountService.NewDiscountCode;
import io.reelgate.shared.BundleId;
import io.reelgate.support.Fixtures;
import io.reelgate.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The storefront as a buyer sees it on a 390×844 phone and a 1280 px laptop: title, price and Buy on the bundle
 * page's first screen, the discount code behind "Have a code?", the checkout's order summary, and axe-core finding
 * no accessibility violations on the main pages at both sizes. Screenshots of each page and size go to
 * {@code target/screenshots/design-*.png}.
 */
@IntegrationTest
class StorefrontDesignBrowserTests {

	private static final int PHONE_WIDTH = 390;

	private static final int PHONE_HEIGHT = 844;

	@Autowired
	Fixtures fixtures;

	@Autowired
	DiscountService discounts;

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	@Test
	void onAPhoneTitlePriceAndBuyAreOnTheFirstScreenAndTheCodeWaitsBehindADisclosure() {
		AccountPrincipal creator = fixtures.creator();
		String title = Fixtures.unique("A Long Night at the Lumen Picture House");
		BundleId bundle = fixtures.published(creator, title, "the film".getBytes(), "4.99", "USD");
		AccountPrincipal viewer = fixtures.viewer();

		Page anonymous = page(PHONE_WIDTH, PHONE_HEIGHT, false);
		anonymous.navigate(chromium.url("/bundles/" + bundle));
		assertOnFirstScreen(anonymous.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Log in to buy")).boundingBox());

		Page phone = logIn(viewer, PHONE_WIDTH, PHONE_HEIGHT);
		phone.navigate(chromium.url("/bundles/" + bundle));
		assertOnFirstScreen(phone.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(title)).boundingBox());
		assertOnFirstScreen(phone.getByText("$4.99", new Page.GetByTextOptions().setExact(true)).boundingBox());
		assertOnFirstScreen(phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Buy for $4.99")).boundingBox());
		assertThat(phone.getByLabel("Discount code (optional)")).isHidden();
		phone.getByText("Have a code?").click();
		assertThat(phone.getByLabel("Discount code (optional)")).isVisible();
		screenshot(phone, "bundle", PHONE_WIDTH);

		// On a laptop the cover stands beside the details, not above them.
		Page laptop = logIn(viewer, 1280, 800);
		laptop.navigate(chromium.url("/bundles/" + bundle));
		BoundingBox cover = laptop.locator(".bundle-cover").boundingBox();
		BoundingBox heading = laptop.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(title)).boundingBox();
		assertThat(cover.x + cover.width).isLessThanOrEqualTo(heading.x);
		assertThat(heading.y).isLessThan(cover.y + cover.height);
	}

	@Test
	void theCheckoutSummarisesTheOrderWithItsDiscountAndWhatHappensNext() {
		AccountPrincipal creator = fixtures.creator();
		String title = Fixtures.unique("Summary Film");
		BundleId bundle = fixtures.published(creator, title, "the film".getBytes(), "10.00", "USD");
		String code = Fixtures.unique("SUMMARY").toUpperCase();
		fixtures.as(creator, () -> discounts.create(creator.accountId(),
				new NewDiscountCode(code, bundle, new Discount.Percent(25), null, null)));

		Page phone = logIn(fixtures.viewer(), PHONE_WIDTH, PHONE_HEIGHT);
		phone.navigate(chromium.url("/bundles/" + bundle + "?code=" + code));
		phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Buy for $7.50")).click();

		assertThat(phone.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Your order"))).isVisible();
		assertThat(phone.locator(".checkout")).containsText(title);
		assertThat(phone.getByRole(AriaRole.ROW, new Page.GetByRoleOptions().setName("Price $10.00"))).isVisible();
		assertThat(phone.getByRole(AriaRole.ROW, new Page.GetByRoleOptions().setName("Discount code " + code)))
			.containsText("$2.50");
		assertThat(phone.getByRole(AriaRole.ROW, new Page.GetByRoleOptions().setName("Total $7.50"))).isVisible();
		assertThat(phone.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("What happens next"))).isVisible();
		assertThat(phone.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Read the refund policy.")))
			.hasAttribute("href", "/refunds");
		screenshot(phone, "checkout", PHONE_WIDTH);
		phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Pay $7.50 (simulated)")).click();
		assertThat(phone.getByRole(AriaRole.STATUS)).containsText("Payment received");
	}

	/**
	 * axe-core (vendored from npm under src/test/resources/axe, with its licence) injected into each page; the pages'
	 * own Content-Security-Policy would refuse the injected script, so these contexts bypass it.
	 */
	@Test
	void axeFindsNoAccessibilityViolationsOnTheMainPagesOnALaptopAndAPhone() throws Exception {
		String axe = Files.readString(Path.of(getClass().getResource("/axe/axe.min.js").toURI()));
		AccountPrincipal creator = fixtures.creator();
		AccountPrincipal viewer = fixtures.viewer();
		List<String> violations = new CopyOnWriteArrayList<>();
		for (int[] size : new int[][] { { 1280, 800 }, { PHONE_WIDTH, PHONE_HEIGHT } }) {
			int width = size[0];
			BundleId bundle = fixtures.published(creator, Fixtures.unique("Audited Film"), "the film".getBytes(), "4.99", "USD");

			Page anonymous = page(width, size[1], true);
			audit(anonymous, axe, chromium.url("/"), "storefront", width, violations);
			audit(anonymous, axe, chromium.url("/login"), "login", width, violations);

			Page buyer = logIn(viewer, width, size[1], true);
			audit(buyer, axe, chromium.url("/bundles/" + bundle), "bundle", width, violations);
			buyer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Buy for $4.99")).click();
			audit(buyer, axe, buyer.url(), "checkout", width, violations);
			buyer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Pay $4.99 (simulated)")).click();
			audit(buyer, axe, chromium.url("/library"), "library", width, violations);

			Page studio = logIn(creator, width, size[1], true);
			audit(studio, axe, chromium.url("/studio"), "studio", width, violations);
		}
		assertThat(violations).isEmpty();
	}

	private void audit(Page page, String axe, String url, String name, int width, List<String> violations) {
		page.navigate(url);
		page.addScriptTag(new Page.AddScriptTagOptions().setContent(axe));
		@SuppressWarnings("unchecked")
		List<String> found = (List<String>) page.evaluate("""
				async () => {
				  const results = await axe.run(document, { runOnly: { type: 'tag',
				    values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } });
				  return results.violations.map(v => v.id + ' (' + v.impact + '): '
				    + v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' ' + (n.failureSummary || '').replace(/\\s+/g, ' ')).join(' | '));
				}""");
		found.forEach(v -> violations.add(name + " at " + width + " px: " + v));
		screenshot(page, name, width);
	}

	private static void assertOnFirstScreen(BoundingBox box) {
		assertThat(box).isNotNull();
		assertThat(box.y).isGreaterThanOrEqualTo(0);
		assertThat(box.y + box.height).isLessThanOrEqualTo(PHONE_HEIGHT);
	}

	private Page logIn(AccountPrincipal account, int width, int height) {
		return logIn(account, width, height, false);
	}

	private Page logIn(AccountPrincipal account, int width, int height, boolean bypassCsp) {
		Page page = page(width, height, bypassCsp);
		chromium.logIn(page, account.email(), Chromium.PASSWORD);
		page.waitForURL(u -> !u.contains("/login"));
		return page;
	}

	private Page page(int width, int height, boolean bypassCsp) {
		Page page = chromium.page(new Browser.NewContextOptions().setViewportSize(width, height).setBypassCSP(bypassCsp));
		return page;
	}

	private static void screenshot(Page page, String name, int width) {
		page.screenshot(new Page.ScreenshotOptions()
			.setPath(Path.of("target", "screenshots", "design-" + name + "-" + width + ".png")).setFullPage(true));
	}
}
