package io.reelgate.moderation;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.catalog.PreModerationSwitch;
import io.reelgate.notifications.SentMails;
import io.reelgate.shared.BundleId;
import io.reelgate.support.Fixtures;
import io.reelgate.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Pre-moderation switched on in the shared context for each test, reviewing each creator's first two bundles. */
@IntegrationTest
class PreModerationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	SentMails mails;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	private PreModerationSwitch preModeration;

	@BeforeEach
	void reviewFirstTwoBundles(@Autowired ApplicationContext context) {
		preModeration = new PreModerationSwitch(context);
		preModeration.on(2);
	}

	@AfterEach
	void publishAtOnceAgain() {
		preModeration.restore();
	}

	@Test
	void aNewCreatorsFirstBundlesWaitForReviewAndTheNextOnePublishesAtOnce() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		AccountPrincipal admin = fixtures.admin();
		String firstTitle = Fixtures.unique("First film");
		BundleId first = fixtures.draft(creator, firstTitle, "x".getBytes());

		publish(creator, first).andExpect(flash().attribute("success", "bundle.submittedForReview"));
		mvc.perform(get("/bundles/{id}", first)).andExpect(status().isNotFound());
		mvc.perform(get("/")).andExpect(content().string(not(containsString(firstTitle))));
		mvc.perform(get("/studio/bundles/{id}", first).with(user(creator)))
			.andExpect(content().string(containsString("Waiting for a moderator")));
		mvc.perform(get("/admin/reviews").with(user(admin))).andExpect(content().string(containsString(firstTitle)));

		review(admin, first, "approve", "Original work").andExpect(flash().attribute("success", "reviews.admin.approved"));
		mvc.perform(get("/bundles/{id}", first)).andExpect(status().isOk());

		BundleId second = fixtures.draft(creator, Fixtures.unique("Second film"), "x".getBytes());
		publish(creator, second).andExpect(flash().attribute("success", "bundle.submittedForReview"));
		review(admin, second, "reject", "Add a real description").andExpect(flash().attribute("success",
				"reviews.admin.rejected"));
		mvc.perform(get("/bundles/{id}", second)).andExpect(status().isNotFound());
		mvc.perform(get("/studio/bundles/{id}", second).with(user(creator)))
			.andExpect(content().string(containsString("A moderator sent it back: Add a real description")));
		publish(creator, second).andExpect(flash().attribute("success", "bundle.submittedForReview"));
		review(admin, second, "approve", "Better now");

		BundleId third = fixtures.draft(creator, Fixtures.unique("Third film"), "x".getBytes());
		publish(creator, third).andExpect(flash().attribute("success", "bundle.published"));
		mvc.perform(get("/bundles/{id}", third)).andExpect(status().isOk());

		assertThat(actionsOn(first)).containsExactly("APPROVE_BUNDLE");
		assertThat(actionsOn(second)).containsExactly("REJECT_BUNDLE", "APPROVE_BUNDLE");
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(mails.transcript())
			.contains("To: " + creator.email() + "\nSubject: \u201c" + firstTitle + "\u201d is in the storefront")
			.contains("was sent back from review")
			.contains("Reason given by the moderators: Add a real description"));
	}

	@Test
	void aTrustedCreatorSkipsReviewAndOnlyAdminsReview() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		AccountPrincipal admin = fixtures.admin();
		BundleId pending = fixtures.draft(creator, Fixtures.unique("Pending"), "x".getBytes());
		publish(creator, pending);
		review(creator, pending, "approve", "Myself").andExpect(status().isForbidden());
		mvc.perform(get("/admin/reviews").with(user(creator))).andExpect(status().isForbidden());

		mvc.perform(post("/admin/accounts/{id}/trust", creator.accountId()).with(user(admin)).with(csrf())
			.param("reason", "Known festival director")).andExpect(flash().attribute("success", "accounts.admin.trusted"));
		mvc.perform(get("/admin/accounts").param("q", creator.email()).with(user(admin)))
			.andExpect(content().string(containsString("Trusted: publishes without review")));

		BundleId trusted = fixtures.draft(creator, Fixtures.unique("Trusted"), "x".getBytes());
		publish(creator, trusted).andExpect(flash().attribute("success", "bundle.published"));
		mvc.perform(get("/bundles/{id}", trusted)).andExpect(status().isOk());
		mvc.perform(get("/bundles/{id}", pending)).andExpect(status().isNotFound());
		assertThat(actionsOn(creator.accountId().value())).containsExactly("TRUST_CREATOR");

		mvc.perform(post("/admin/accounts/{id}/distrust", creator.accountId()).with(user(admin)).with(csrf())
			.param("reason", "Back to normal"));
		BundleId again = fixtures.draft(creator, Fixtures.unique("Reviewed again"), "x".getBytes());
		publish(creator, again).andExpect(flash().attribute("success", "bundle.submittedForReview"));
	}

	private ResultActions publish(AccountPrincipal creator, BundleId bundle) throws Exception {
		return mvc.perform(post("/studio/bundles/{id}/publish", bundle).with(user(creator)).with(csrf()));
	}

	private ResultActions review(AccountPrincipal who, BundleId bundle, String action, String reason) throws Exception {
		return mvc.perform(post("/admin/reviews/{id}/{action}", bundle, action).with(user(who)).with(csrf())
			.param("reason", reason));
	}

	private List<String> actionsOn(BundleId bundle) {
		return actionsOn(bundle.value());
	}

	private List<String> actionsOn(UUID target) {
		return jdbc.sql("select action from audit_log where target_id = ? order by occurred_at").param(target)
			.query(String.class).list();
	}
}
