package io.reelgate.browser;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.FrameLocator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.sun.net.httpserver.HttpServer;
import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.shared.BundleId;
import io.reelgate.support.Fixtures;
import io.reelgate.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A filmmaker's own website, on another origin than Reelgate's, frames the bundle's buy card; a signed-in viewer
 * follows its Buy link out of the frame to the bundle page and pays. The other site is a real HTTP server on
 * {@code http://127.0.0.1:port}, another origin than the app's {@code http://localhost:port}, so Chromium applies
 * its cross-origin rules: the card's {@code frame-ancestors *} must let it be framed (a refusal is a
 * Content-Security-Policy message, which fails the test) and {@code target="_top"} must navigate the whole tab. (A
 * page Playwright fulfils itself counts as public to Chromium's Local Network Access checks, which then refuse a
 * frame on localhost, so the site is a socket of its own.)
 */
@IntegrationTest
class EmbedBrowserTests {

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	private HttpServer site;

	@AfterEach
	void stopTheSite() {
		if (site != null) {
			site.stop(0);
		}
	}

	@Test
	void aCardFramedOnAnotherOriginLeadsOutOfTheFrameToCheckout() throws IOException {
		AccountPrincipal creator = fixtures.creator();
		fixtures.payoutsReady(creator);
		String title = Fixtures.unique("Framed film");
		BundleId bundle = fixtures.published(creator, title, "film".getBytes(), "9.00", "USD");
		AccountPrincipal viewer = fixtures.viewer();
		byte[] html = """
				<!DOCTYPE html><html lang="en"><head><title>Our film</title></head><body>
				<h1>Our film</h1>
				<iframe src="%s" title="Buy our film" width="420" height="260"></iframe>
				</body></html>
				""".formatted(chromium.url("/embed/bundles/" + bundle)).getBytes(StandardCharsets.UTF_8);
		site = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		site.createContext("/our-film", exchange -> {
			exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
			exchange.sendResponseHeaders(200, html.length);
			exchange.getResponseBody().write(html);
			exchange.close();
		});
		site.start();

		// Analytics count no robots, and headless Chromium names itself one ("HeadlessChrome") unless told otherwise.
		Page page = chromium.page(new Browser.NewContextOptions().setViewportSize(1280, 900).setUserAgent(
				"Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0 Safari/537.36"));
		page.setDefaultTimeout(30_000);
		chromium.logIn(page, viewer.email(), Chromium.PASSWORD);
		assertThat(page).not().hasURL(Pattern.compile(".*/login.*"));

		page.navigate("http://127.0.0.1:" + site.getAddress().getPort() + "/our-film");
		FrameLocator card = page.frameLocator("iframe[title='Buy our film']");
		assertThat(card.getByRole(AriaRole.HEADING, new FrameLocator.GetByRoleOptions().setName(title))).isVisible();
		assertThat(card.getByText("$9.00").first()).isVisible();
		card.getByRole(AriaRole.LINK, new FrameLocator.GetByRoleOptions().setName("Buy for $9.00")).click();

		// The whole tab left the filmmaker's site for the bundle page, where the viewer is signed in.
		assertThat(page).hasURL(chromium.url("/bundles/" + bundle + "?currency=USD#buy"));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Buy for $9.00")).click();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Pay $9.00 (simulated)")).click();
		assertThat(page.getByRole(AriaRole.STATUS)).containsText("Payment received");

		// The card's view was counted as an embed, with the framing site's host from the Referer Chromium sent.
		assertEquals(1, jdbc.sql("select count(*) from analytics_events where bundle_id = ? and kind = 'EMBED' "
				+ "and referrer = '127.0.0.1'").param(bundle.value()).query(Integer.class).single());
	}
}
