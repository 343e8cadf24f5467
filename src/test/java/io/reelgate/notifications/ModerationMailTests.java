package io.reelgate.notifications;

import java.time.Duration;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.shared.BundleId;
import io.reelgate.support.Fixtures;
import io.reelgate.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** Moderation mails in the shared context, which has no SMTP server: they are written to the log. */
@IntegrationTest
class ModerationMailTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	SentMails mails;

	@Autowired
	Fixtures fixtures;

	@Test
	void theCreatorIsToldWhenTheirAccountIsSuspendedAndWhy() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		String reason = Fixtures.unique("Counterfeit uploads");
		mvc.perform(post("/admin/accounts/{id}/suspend", creator.accountId()).param("confirmed", "true").with(user(fixtures.admin())).with(csrf())
			.param("reason", reason));

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(mails.transcript())
			.contains("To: " + creator.email())
			.contains("Subject: Your Reelgate account is suspended")
			.contains("Reason given by the moderators: " + reason)
			.contains("http://localhost:8080/studio"));
	}

	@Test
	void reportersWithAnAccountAndCopyrightClaimantsHearTheOutcomeAndTheCreatorHearsOfTheHiding()
			throws Exception {
		AccountPrincipal creator = fixtures.creator();
		AccountPrincipal reporter = fixtures.viewer();
		String title = Fixtures.unique("Bootleg");
		BundleId bundle = fixtures.published(creator, title, "x".getBytes());
		String claimant = Fixtures.unique("legal") + "@studio.test";
		mvc.perform(post("/bundles/{id}/report", bundle).with(user(reporter)).with(csrf()).param("category", "SPAM")
			.param("details", "Bootleg"));
		mvc.perform(post("/bundles/{id}/report", bundle).with(csrf()).param("category", "COPYRIGHT")
			.param("details", "Our film").param("claimant", "Studio").param("work", "Film").param("contact", claimant)
			.param("statement", "true"));

		mvc.perform(post("/admin/reports/bundles/{id}/hide", bundle).with(user(fixtures.admin())).with(csrf())
			.param("reason", "Takedown notice accepted"));

		String outcome = "Subject: Your report about \u201c" + title + "\u201d";
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(mails.transcript())
			.contains("To: " + creator.email() + "\n" + "Subject: \u201c" + title + "\u201d has been hidden")
			.contains("To: " + reporter.email() + "\n" + outcome)
			.contains("To: " + claimant + "\n" + outcome)
			.contains("Our moderators have taken the bundle out of the storefront."));
	}
}
