package io.reelgate.accounts;

import io.reelgate.accounts.AccountToken.Purpose;
import io.reelgate.catalog.CatalogException;
import io.reelgate.notifications.SentMails;
import io.reelgate.shared.AccountId;
import io.reelgate.shared.BundleId;
import io.reelgate.support.Fixtures;
import io.reelgate.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Verification links are mailed to the log here (no SMTP in the shared context); see AccountMailTests for SMTP. */
@IntegrationTest
class EmailVerificationTests {

	private static final String LINK_PROBLEM = "This link does not work";

	@Autowired
	MockMvc mvc;

	@Autowired
	SentMails mails;

	@Autowired
	Fixtures fixtures;

	@Autowired
	AccountService accounts;

	@Autowired
	LinkTokens tokens;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anUnverifiedCreatorCannotPublishUntilTheyFollowTheMailedLink() throws Exception {
		AccountPrincipal creator = fixtures.unverifiedCreator();
		BundleId draft = fixtures.draft(creator, Fixtures.unique("Unverified"), "film".getBytes());

		assertThatExceptionOfType(CatalogException.class).isThrownBy(() -> fixtures.publish(creator, draft))
			.withMessage("bundle.publish.emailUnverified");
		mvc.perform(post("/studio/bundles/{id}/publish", draft).with(user(creator)).with(csrf()))
			.andExpect(redirectedUrl("/studio/bundles/" + draft))
			.andExpect(flash().attribute("error", "bundle.publish.emailUnverified"));

		String link = mails.latestLink(creator.email(), "/email/verify");
		mvc.perform(get(link)).andExpect(status().isOk())
			.andExpect(content().string(containsString("Confirm my email address")));
		confirm(link).andExpect(redirectedUrl("/")).andExpect(flash().attribute("success", "email.verified"));

		assertThat(accounts.isEmailVerified(creator.accountId())).isTrue();
		fixtures.publish(creator, draft);
		assertThat(jdbc.sql("select status from bundles where id = ?").param(draft.value()).query(String.class)
			.single()).isEqualTo("PUBLISHED");
	}

	@Test
	void anUnverifiedViewerCannotStartACheckoutNotEvenForAFreeBundle() throws Exception {
		AccountPrincipal viewer = fixtures.unverifiedViewer();
		BundleId free = fixtures.published(fixtures.creator(), Fixtures.unique("Free"), "free".getBytes());
		BundleId paid = fixtures.published(payingCreator(), Fixtures.unique("Paid"), "paid".getBytes(), "3.00", "USD");

		for (BundleId bundle : new BundleId[] { free, paid }) {
			mvc.perform(post("/checkout/{id}", bundle).with(user(viewer)).with(csrf()))
				.andExpect(redirectedUrl("/bundles/" + bundle))
				.andExpect(flash().attribute("error", "checkout.emailUnverified"));
		}
		assertThat(jdbc.sql("select count(*) from orders where buyer_id = ?").param(viewer.accountId().value())
			.query(Long.class).single()).isZero();
	}

	@Test
	void unverifiedAccountsSeeABannerWithAResendButtonAndVerifiedOnesDoNot() throws Exception {
		mvc.perform(get("/").with(user(fixtures.unverifiedViewer())))
			.andExpect(content().string(containsString("Confirm your email address with the link we mailed you")))
			.andExpect(content().string(containsString("action=\"/account/email/verification\"")));
		mvc.perform(get("/").with(user(fixtures.viewer())))
			.andExpect(content().string(not(containsString("Confirm your email address with the link"))));
	}

	@Test
	void aForgedTokenIsRefusedAndVerifiesNothing() throws Exception {
		AccountPrincipal viewer = fixtures.unverifiedViewer();
		String forged = "/email/verify?token=" + "A".repeat(43);
		confirm(forged).andExpect(status().isBadRequest()).andExpect(content().string(containsString(LINK_PROBLEM)));
		confirm("/email/verify?token=short").andExpect(status().isBadRequest());
		confirm("/email/verify").andExpect(status().isBadRequest());
		assertThat(accounts.isEmailVerified(viewer.accountId())).isFalse();
	}

	@Test
	void anExpiredLinkIsRefusedWith410AndVerifiesNothing() throws Exception {
		AccountPrincipal viewer = fixtures.unverifiedViewer();
		// The sign-up's own link is issued in the background and would replace one issued before it.
		await().until(() -> jdbc.sql("select count(*) from account_tokens where account_id = ?")
			.param(viewer.accountId().value()).query(Long.class).single() == 1);
		String token = transactions.execute(status -> tokens.issue(viewer.accountId(), Purpose.VERIFY_EMAIL,
				viewer.email()));
		jdbc.sql("update account_tokens set expires_at = now() - interval '1 minute' where token_hash = ?")
			.param(LinkTokens.hash(token)).update();

		confirm("/email/verify?token=" + token).andExpect(status().isGone())
			.andExpect(content().string(containsString("This link has expired")));
		assertThat(accounts.isEmailVerified(viewer.accountId())).isFalse();
	}

	@Test
	void aLinkWorksOnlyOnce() throws Exception {
		AccountPrincipal viewer = fixtures.unverifiedViewer();
		String link = mails.latestLink(viewer.email(), "/email/verify");

		confirm(link).andExpect(flash().attribute("success", "email.verified"));
		confirm(link).andExpect(status().isBadRequest()).andExpect(content().string(containsString(LINK_PROBLEM)));
	}

	@Test
	void resendingMailsANewLinkAndTheOldOneStopsWorking() throws Exception {
		AccountPrincipal viewer = fixtures.unverifiedViewer();
		String first = mails.latestLink(viewer.email(), "/email/verify");

		mvc.perform(post("/account/email/verification").with(user(viewer)).with(csrf()))
			.andExpect(redirectedUrl("/account")).andExpect(flash().attribute("success", "email.verification.sent"));
		await().until(() -> mails.links(viewer.email(), "/email/verify").size() == 2);
		String second = mails.latestLink(viewer.email(), "/email/verify");

		confirm(first).andExpect(status().isBadRequest());
		confirm(second).andExpect(flash().attribute("success", "email.verified"));
		mvc.perform(post("/account/email/verification").with(user(viewer)).with(csrf()))
			.andExpect(flash().attribute("success", "email.verification.already"));
	}

	@Test
	void resendingIsRateLimitedPerAccount() throws Exception {
		AccountPrincipal viewer = fixtures.unverifiedViewer();
		for (int i = 0; i < 5; i++) {
			mvc.perform(post("/account/email/verification").with(user(viewer)).with(csrf()))
				.andExpect(redirectedUrl("/account"));
		}
		mvc.perform(post("/account/email/verification").with(user(viewer)).with(csrf()))
			.andExpect(status().isTooManyRequests());
		mvc.perform(post("/account/email/verification").with(user(fixtures.unverifiedViewer())).with(csrf()))
			.andExpect(redirectedUrl("/account"));
	}

	@Test
	void operatorMadeAccountsAreVerified() {
		AccountId admin = fixtures.admin().accountId();
		assertThat(accounts.isEmailVerified(admin)).isTrue();
	}

	private AccountPrincipal payingCreator() {
		AccountPrincipal creator = fixtures.creator();
		fixtures.payoutsReady(creator);
		return creator;
	}

	private ResultActions confirm(String link) throws Exception {
		int query = link.indexOf("?token=");
		var request = post("/email/verify").with(csrf());
		if (query >= 0) {
			request.param("token", link.substring(query + "?token=".length()));
		}
		return mvc.perform(request);
	}
}
