package io.reelgate.browser;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.catalog.BundleTags;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A tag page on a 390×844 phone: its sort control works without script and the tags on cards lead to it. */
@IntegrationTest
class TagPageBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	BundleTags tags;

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	private final List<String> blockedByContentSecurityPolicy = new CopyOnWriteArrayList<>();

	@AfterEach
	void nothingWasBlockedByTheContentSecurityPolicy() {
		assertEquals(List.of(), blockedByContentSecurityPolicy);
	}

	@Test
	void aPhoneSortsATagPageAndFollowsATagFromACard() {
		AccountPrincipal creator = fixtures.creator();
		fixtures.payoutsReady(creator);
		String tag = "phone" + Fixtures.unique("x").substring(2);
		String dear = Fixtures.unique("Dear");
		String cheap = Fixtures.unique("Cheap");
		for (String[] film : List.of(new String[] { cheap, "2.00" }, new String[] { dear, "9.00" })) {
			BundleId id = fixtures.published(creator, film[0], "film".getBytes(), film[1], "USD");
			fixtures.as(creator, () -> tags.retag(creator.accountId(), id, tag + ", drama"));
		}

		Page page = page();
		page.navigate(url("/tags/" + tag));
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("#" + tag))).isVisible();
		Locator cards = page.locator("#listing article h3");
		// Newest first: the dearer one was published last.
		assertThat(cards.first()).hasText(dear);

		Locator sort = page.getByLabel("Sort by");
		assertThat(sort).isVisible();
		sort.selectOption("price");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sort")).click();
		assertThat(page).hasURL(url("/tags/" + tag + "?sort=price"));
		assertThat(cards.first()).hasText(cheap);
		assertThat(page.getByLabel("Sort by")).hasValue("price");
		// Nothing scrolls sideways on the phone.
		Object wide = page.evaluate("() => document.documentElement.scrollWidth > window.innerWidth");
		assertEquals(Boolean.FALSE, wide);
		page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/tag-page-390.png")));

		// A tag on a card is its own link, above the card's link to the bundle.
		page.locator("#listing article").first().getByRole(AriaRole.LINK, new Locator.GetByRoleOptions()
			.setName("#" + tag)).click();
		assertThat(page).hasURL(url("/tags/" + tag));
		page.locator("#listing article").first().getByRole(AriaRole.LINK, new Locator.GetByRoleOptions()
			.setName("#drama")).click();
		assertThat(page).hasURL(url("/tags/drama"));
		assertTrue(page.title().contains("drama"));
	}

	private Page page() {
		Page page = chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(390, 844)
			.setIsMobile(true).setHasTouch(true)).newPage();
		page.setDefaultTimeout(30_000);
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
