package io.reelgate.browser;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import com.google.gson.JsonObject;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.accounts.AccountService;
import io.reelgate.accounts.Role;
import io.reelgate.accounts.SecondFactorPolicy;
import io.reelgate.notifications.SentMails;
import io.reelgate.support.Fixtures;
import io.reelgate.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Passkeys in Chromium, with the DevTools virtual authenticator (a platform authenticator that keeps resident keys
 * and verifies the user at once): added on the account page, then signing in with it alone from the login page, as
 * the second factor after the password, and refused once it is removed; and made as the first second factor by an
 * admin whom the operator requires to have one.
 */
@IntegrationTest
@Timeout(value = 5, unit = java.util.concurrent.TimeUnit.MINUTES)
class PasskeyBrowserTests {

	private static final String PASSWORD = "a-long-enough-password";

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	SentMails mails;

	@Autowired
	AccountService accounts;

	@Autowired
	SecondFactorPolicy policy;

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	private final List<String> blockedByContentSecurityPolicy = new CopyOnWriteArrayList<>();

	/** The machine is shared and slow: a page after a ceremony may take longer than Playwright's 5 s. */
	@BeforeEach
	void patientAssertions() {
		PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
	}

	@AfterEach
	void nothingWasBlockedByTheContentSecurityPolicy() {
		PlaywrightAssertions.setDefaultAssertionTimeout(5_000);
		assertEquals(List.of(), blockedByContentSecurityPolicy);
	}

	@Test
	void aPasskeyAddedOnTheAccountPageSignsInAloneAndAsTheSecondFactorUntilItIsRemoved() {
		AccountPrincipal viewer = fixtures.viewer();
		Page page = pageWithAuthenticator();

		// Signed in with the password, the account page adds a passkey with a name.
		logInWithPassword(page, viewer);
		assertThat(page).hasURL(url("/"));
		page.navigate(url("/account"));
		page.getByLabel("Name of the new passkey").fill("Test laptop");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add a passkey")).click();
		assertThat(page.getByText("The passkey is added")).isVisible();
		assertThat(page.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Your passkeys")))
			.containsText("Test laptop");
		assertThat(page.getByText("Passkey added (")).isVisible();
		await().atMost(Duration.ofSeconds(30)).until(() -> mails.to(viewer.email()).stream()
			.anyMatch(m -> m.subject().equals("A passkey was added to your Reelgate account")));

		// Signed out, the passkey alone signs in: no email, no password.
		logOut(page);
		page.navigate(url("/login"));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in with a passkey")).click();
		assertThat(page).hasURL(url("/"));
		page.navigate(url("/account"));
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Your account").setExact(true))).isVisible();

		// With a passkey, the password alone no longer signs in: the passkey is asked for as the second factor.
		logOut(page);
		logInWithPassword(page, viewer);
		assertThat(page).hasURL(url("/login/second-factor"));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Use a passkey")).click();
		assertThat(page).hasURL(url("/"));
		page.navigate(url("/library"));
		assertThat(page).hasURL(url("/library"));

		// Removed, it no longer signs in, and the page says why.
		page.navigate(url("/account"));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Remove the passkey \u201cTest laptop\u201d"))
			.click();
		assertThat(page.getByText("The passkey is removed")).isVisible();
		assertThat(page.getByText("No passkeys yet.")).isVisible();
		await().atMost(Duration.ofSeconds(30)).until(() -> mails.to(viewer.email()).stream()
			.anyMatch(m -> m.subject().equals("A passkey was removed from your Reelgate account")));
		logOut(page);
		page.navigate(url("/login"));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in with a passkey")).click();
		assertThat(page.getByRole(AriaRole.ALERT)).containsText("That passkey was not accepted");
		assertThat(page).hasURL(url("/login"));
	}

	@Test
	void anAdminWhoMustSetUpASecondFactorAddsAPasskeyInsteadOfAnAppAndGoesOnToThePageAskedFor() {
		String email = Fixtures.unique("admin") + "@reelgate.test";
		accounts.register(email, "Passkey Admin", PASSWORD, Role.ADMIN);
		policy.requireForAdmins(true);
		try {
			Page page = pageWithAuthenticator();
			logInWithPassword(page, email);
			assertThat(page).hasURL(url("/account/two-factor/setup"));
			page.navigate(url("/admin"));
			assertThat(page).hasURL(url("/account/two-factor/setup"));
			assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Or add a passkey instead")))
				.isVisible();

			page.getByLabel("Name of the new passkey").fill("Admin laptop");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add a passkey")).click();
			assertThat(page).hasURL(Pattern.compile("^http://localhost:" + port + "/admin(\\?continue)?$"));
			assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).isVisible();

			// From now on the password alone is not enough: the passkey is the second factor.
			logOut(page);
			logInWithPassword(page, email);
			assertThat(page).hasURL(url("/login/second-factor"));
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Use a passkey")).click();
			assertThat(page).hasURL(url("/"));
			page.navigate(url("/admin"));
			assertThat(page).hasURL(url("/admin"));
		}
		finally {
			policy.requireForAdmins(false);
		}
	}

	private void logInWithPassword(Page page, AccountPrincipal account) {
		logInWithPassword(page, account.email());
	}

	private void logInWithPassword(Page page, String email) {
		page.navigate(url("/login"));
		page.getByLabel("Email").fill(email);
		page.getByLabel("Password").fill(PASSWORD);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in").setExact(true)).click();
	}

	private void logOut(Page page) {
		page.navigate(url("/"));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log out")).click();
		assertThat(page).hasURL(url("/?loggedOut"));
	}

	/** A page whose tab has a virtual platform authenticator: CTAP2, resident keys, the user verified at once. */
	private Page pageWithAuthenticator() {
		BrowserContext context = chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
		context.setDefaultTimeout(30_000);
		Page page = context.newPage();
		page.onConsoleMessage(message -> {
			if (message.text().contains("Content Security Policy")) {
				blockedByContentSecurityPolicy.add(message.text());
			}
		});
		CDPSession devTools = context.newCDPSession(page);
		devTools.send("WebAuthn.enable");
		JsonObject options = new JsonObject();
		options.addProperty("protocol", "ctap2");
		options.addProperty("transport", "internal");
		options.addProperty("hasResidentKey", true);
		options.addProperty("hasUserVerification", true);
		options.addProperty("isUserVerified", true);
		options.addProperty("automaticPresenceSimulation", true);
		JsonObject parameters = new JsonObject();
		parameters.add("options", options);
		devTools.send("WebAuthn.addVirtualAuthenticator", parameters);
		return page;
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}
}
