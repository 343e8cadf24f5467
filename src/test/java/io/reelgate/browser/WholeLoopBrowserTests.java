package io.reelgate.browser;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;

import javax.imageio.ImageIO;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.notifications.SentMails;
import io.reelgate.shared.BundleId;
import io.reelgate.support.Fixtures;
import io.reelgate.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole loop in a real browser: a creator publishes a paid bundle, a viewer finds, buys and downloads it with
 * the same bytes that were uploaded, and an admin takes it down. Elements are found by role and label, as a
 * person using a screen reader would find them. Screenshots of each main page go to {@code target/screenshots}.
 */
@IntegrationTest
class WholeLoopBrowserTests {

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	@TempDir
	Path temp;

	@Autowired
	Fixtures fixtures;

	@Autowired
	SentMails mails;

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	@Test
	void aCreatorPublishesAViewerBuysAndDownloadsAndAnAdminTakesItDown() throws Exception {
		String title = "The Last Reel " + Fixtures.unique("").substring(1);
		Path film = temp.resolve("the-last-reel.mp4");
		byte[] filmBytes = new byte[3 * 1024 * 1024 + 17];
		new Random(42).nextBytes(filmBytes);
		Files.write(film, filmBytes);

		Page creator = page();
		String creatorEmail = Fixtures.unique("creator") + "@example.test";
		signUp(creator, "/signup?as=creator", "Studio Nine", creatorEmail);
		assertThat(creator).hasURL(chromium.url("/studio"));
		confirmEmail(creator, creatorEmail);
		creator.navigate(chromium.url("/studio"));
		assertThat(creator.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Your studio"))).isVisible();

		creator.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New bundle")).click();
		creator.getByLabel("Title").fill(title);
		creator.getByLabel("Short description").fill("A projectionist's last night before the cinema closes.");
		creator.getByLabel("Long description").fill("Shot in one night on 35mm.\nWith the director's commentary.");
		creator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create draft")).click();
		assertThat(creator.getByRole(AriaRole.STATUS)).containsText("Draft created");

		Path oversized = temp.resolve("oversized.mp4");
		Files.write(oversized, new byte[6 * 1024 * 1024]);
		creator.getByLabel("File to add").setInputFiles(oversized);
		creator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload").setExact(true)).click();
		assertThat(creator.getByRole(AriaRole.ALERT)).containsText("larger than this site accepts");

		creator.getByLabel("File to add").setInputFiles(film);
		creator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload").setExact(true)).click();
		assertThat(creator.getByRole(AriaRole.STATUS)).containsText("File uploaded and verified.");
		assertThat(creator.getByText("SHA-256 " + sha256(filmBytes))).isVisible();

		creator.getByLabel("Cover image (PNG, JPEG, WebP or GIF)").setInputFiles(cover());
		creator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload cover")).click();
		assertThat(creator.getByRole(AriaRole.STATUS)).containsText("Cover saved.");

		creator.getByLabel("Paid").check();
		creator.getByLabel("Price", new Page.GetByLabelOptions().setExact(true)).fill("4.99");
		creator.getByLabel("Currency").selectOption("USD");
		creator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save gate")).click();
		assertThat(creator.getByRole(AriaRole.STATUS)).containsText("Gate saved.");

		creator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publish")).click();
		assertThat(creator.getByRole(AriaRole.STATUS)).containsText("Published");
		screenshot(creator, "studio-editor");

		Page viewer = page();
		String viewerEmail = Fixtures.unique("viewer") + "@example.test";
		signUp(viewer, "/signup", "Film Lover", viewerEmail);
		confirmEmail(viewer, viewerEmail);
		viewer.getByLabel("Search films and creators").fill("studio nine last reel");
		viewer.getByLabel("Search films and creators").press("Enter");
		screenshot(viewer, "storefront-search");
		viewer.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(title)).click();
		assertThat(viewer.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(title))).isVisible();
		assertThat(viewer.locator("meta[property='og:title']")).hasAttribute("content", title);
		screenshot(viewer, "bundle-page");

		viewer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Buy for $4.99")).click();
		assertThat(viewer.getByRole(AriaRole.NOTE)).containsText("Test mode \u2014 no real payment");
		screenshot(viewer, "simulated-checkout");
		viewer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Pay $4.99 (simulated)")).click();
		assertThat(viewer).hasURL(chromium.url("/library"));
		assertThat(viewer.getByRole(AriaRole.STATUS)).containsText("Payment received");
		screenshot(viewer, "library");

		Download download = viewer.waitForDownload(() -> viewer
			.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Download the-last-reel.mp4")).click());
		assertThat(download.suggestedFilename()).isEqualTo("the-last-reel.mp4");
		assertThat(sha256(Files.readAllBytes(download.path()))).isEqualTo(sha256(filmBytes));

		Page admin = page();
		admin.navigate(chromium.url("/login"));
		admin.getByLabel("Email").fill(Fixtures.ADMIN_EMAIL);
		admin.getByLabel("Password").fill("admin-password-for-tests");
		admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
		admin.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Moderation")).click();
		Locator row = admin.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(title));
		row.getByLabel("Reason").fill("Rights holder complaint");
		row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Hide " + title)).click();
		assertThat(admin.getByRole(AriaRole.STATUS)).containsText("Bundle hidden");
		screenshot(admin, "moderation");
		admin.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Audit log")).click();
		assertThat(admin.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(title)))
			.containsText("Rights holder complaint");

		Page anonymous = page();
		anonymous.navigate(chromium.url("/"));
		assertThat(anonymous.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(title))).hasCount(0);
		screenshot(anonymous, "storefront");

		viewer.reload();
		// The hidden bundle's library entry keeps its title (the title card drawn in its cover's place repeats it).
		assertThat(viewer.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(title))).isVisible();
		creator.navigate(chromium.url("/studio"));
		assertThat(creator.getByText("Hidden by moderation: Rights holder complaint")).isVisible();
	}

	@Test
	void aVisitorReportsABundleAnAdminHidesItTheCreatorAppealsAndTheAdminRestoresIt() {
		AccountPrincipal creatorAccount = fixtures.creator();
		String title = Fixtures.unique("Reported Reel");
		BundleId bundle = fixtures.published(creatorAccount, title, "film".getBytes());

		Page visitor = page();
		visitor.navigate(chromium.url("/bundles/" + bundle));
		visitor.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Report this bundle")).click();
		visitor.getByLabel("It infringes my copyright").check();
		visitor.getByLabel("Details").fill("This is our film, uploaded without permission.");
		visitor.getByLabel("Rights holder (your name or your client's)").fill("Studio X");
		visitor.getByLabel("The copyrighted work").fill("The Original Reel (2024)");
		visitor.getByLabel("Email to reach you").fill("legal@studio-x.test");
		visitor.getByLabel("I believe in good faith").check();
		visitor.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send report")).click();
		assertThat(visitor.getByRole(AriaRole.STATUS)).containsText("Thank you");

		Page admin = logIn(Fixtures.ADMIN_EMAIL, "admin-password-for-tests");
		admin.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Reports")).click();
		Locator reported = admin.getByRole(AriaRole.ARTICLE, new Page.GetByRoleOptions().setName(title));
		assertThat(reported).containsText("Studio X");
		reported.getByLabel("Reason").fill("Copyright notice from Studio X");
		reported.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Hide bundle " + title)).click();
		assertThat(admin.getByRole(AriaRole.STATUS)).containsText("Bundle hidden");
		screenshot(admin, "reports");

		Page creator = logIn(creatorAccount.email(), "a-long-enough-password");
		creator.navigate(chromium.url("/studio"));
		Locator actions = creator.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Moderation actions"));
		assertThat(actions).containsText("Copyright notice from Studio X");
		actions.getByLabel("Your appeal").fill("I hold the rights: Studio X licensed the film to me.");
		actions.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Send appeal")).click();
		assertThat(creator.getByRole(AriaRole.STATUS)).containsText("Your appeal has been sent");
		screenshot(creator, "appeal");

		admin.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Reports")).click();
		Locator appeal = admin.getByRole(AriaRole.ARTICLE).filter(new Locator.FilterOptions().setHasText("Studio X licensed"));
		appeal.getByLabel("Reason").fill("Licence confirmed");
		appeal.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Uphold " + title)).click();
		assertThat(admin.getByRole(AriaRole.STATUS)).containsText("Appeal upheld");

		visitor.navigate(chromium.url("/bundles/" + bundle));
		assertThat(visitor.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(title))).isVisible();
		creator.navigate(chromium.url("/studio"));
		assertThat(creator.getByText("Your appeal was upheld.")).isVisible();
	}

	private Page logIn(String email, String password) {
		Page page = page();
		chromium.logIn(page, email, password);
		return page;
	}

	private Page page() {
		Page page = chromium.page(new Browser.NewContextOptions().setAcceptDownloads(true)
			.setViewportSize(1280, 900));
		return page;
	}

	private void signUp(Page page, String path, String name, String email) {
		page.navigate(chromium.url(path));
		page.getByLabel("Email").fill(email);
		page.getByLabel("Name shown to others").fill(name);
		page.getByLabel("Password").fill("a-long-enough-password");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create account")).click();
	}

	/** Follows the verification link from the mail, which the test context writes to the log. */
	private void confirmEmail(Page page, String email) {
		page.navigate(chromium.url(mails.latestLink(email, "/email/verify")));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm my email address")).click();
		assertThat(page.getByRole(AriaRole.STATUS)).containsText("your email address is confirmed");
	}

	private Path cover() throws Exception {
		BufferedImage image = new BufferedImage(200, 300, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(new Color(120, 30, 40));
		g.fillRect(0, 0, 200, 300);
		g.dispose();
		Path file = temp.resolve("cover.png");
		ImageIO.write(image, "png", file.toFile());
		return file;
	}

	private static void screenshot(Page page, String name) {
		page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
	}

	private static String sha256(byte[] bytes) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
	}
}
