package io.reelgate.browser;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.notifications.SentMails;
import io.reelgate.shared.BundleId;
import io.reelgate.support.Fixtures;
import io.reelgate.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A new creator signs up, is told to confirm their address when they try to publish, follows the link from the
 * mail (written to the log in tests) and then publishes. Elements are found by role and label.
 */
@IntegrationTest
class EmailVerificationBrowserTests {

	@Autowired
	Fixtures fixtures;

	@Autowired
	SentMails mails;

	@Autowired
	UserDetailsService users;

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	@Test
	void aCreatorPublishesOnlyAfterFollowingTheLinkMailedAtSignUp() {
		String email = Fixtures.unique("newcomer") + "@example.test";
		Page page = chromium.browser().newContext().newPage();
		page.navigate(chromium.url("/signup?as=creator"));
		page.getByLabel("Email").fill(email);
		page.getByLabel("Name shown to others").fill("Newcomer Films");
		page.getByLabel("Password").fill("a-long-enough-password");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create account")).click();
		var banner = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Email address not confirmed"));
		assertThat(banner).containsText("Confirm your email address");

		AccountPrincipal creator = (AccountPrincipal) users.loadUserByUsername(email);
		String title = Fixtures.unique("First Film");
		BundleId draft = fixtures.draft(creator, title, "a first film".getBytes());
		page.navigate(chromium.url("/studio/bundles/" + draft));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publish")).click();
		assertThat(page.getByRole(AriaRole.ALERT)).containsText("Confirm your email address before publishing");

		page.navigate(chromium.url(mails.latestLink(email, "/email/verify")));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm my email address")).click();
		assertThat(page.getByRole(AriaRole.STATUS)).containsText("your email address is confirmed");
		assertThat(banner).isHidden();

		page.navigate(chromium.url("/studio/bundles/" + draft));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publish")).click();
		assertThat(page.getByRole(AriaRole.STATUS)).containsText("Published");
	}
}
