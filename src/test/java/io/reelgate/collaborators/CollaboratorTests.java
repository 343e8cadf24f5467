package io.reelgate.collaborators;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.notifications.SentMails;
import io.reelgate.shared.BundleId;
import io.reelgate.support.Fixtures;
import io.reelgate.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class CollaboratorTests {

	private static final Pattern LINK = Pattern.compile("/collaborations/([A-Za-z0-9_-]{43})");

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SentMails mails;

	@Test
	void sharesThatWouldPassAHundredPercentAreRefusedWithAFormMessage() throws Exception {
		AccountPrincipal owner = fixtures.creator();
		BundleId bundle = fixtures.published(owner, Fixtures.unique("Shared"), "film".getBytes(), "10.00", "USD");
		invite(owner, bundle, fixtures.viewer().email(), "60");

		mvc.perform(post("/studio/bundles/{id}/collaborators", bundle).with(user(owner)).with(csrf())
			.param("email", "composer@example.com").param("percent", "40.01"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("at most 40.00 % is left to give")))
			.andExpect(content().string(containsString("value=\"40.01\"")));
		mvc.perform(post("/studio/bundles/{id}/collaborators", bundle).with(user(owner)).with(csrf())
			.param("email", "composer@example.com").param("percent", "1.234"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("at most two decimals")));

		assertThat(jdbc.sql("select email || ' ' || basis_points from collaborators where bundle_id = ?")
			.param(bundle.value()).query(String.class).list()).hasSize(1).allMatch(row -> row.endsWith(" 6000"));
	}

	@Test
	void anotherCreatorCanNeitherSeeNorInviteOnSomeoneElsesBundle() throws Exception {
		AccountPrincipal owner = fixtures.creator();
		BundleId bundle = fixtures.published(owner, Fixtures.unique("Not yours"), "film".getBytes(), "10.00", "USD");
		AccountPrincipal other = fixtures.creator();

		mvc.perform(get("/studio/bundles/{id}/collaborators", bundle).with(user(other))).andExpect(status().isNotFound());
		mvc.perform(post("/studio/bundles/{id}/collaborators", bundle).with(user(other)).with(csrf())
			.param("email", other.email()).param("percent", "90")).andExpect(status().isNotFound());
		mvc.perform(post("/studio/bundles/{id}/collaborators", bundle).with(user(fixtures.viewer())).with(csrf())
			.param("email", "x@example.com").param("percent", "90")).andExpect(status().isForbidden());

		assertThat(jdbc.sql("select count(*) from collaborators where bundle_id = ?").param(bundle.value())
			.query(Long.class).single()).isZero();
	}

	@Test
	void onlyTheInvitedAccountAcceptsAndOnlyOnce() throws Exception {
		AccountPrincipal owner = fixtures.creator();
		BundleId bundle = fixtures.published(owner, Fixtures.unique("Invitation"), "film".getBytes(), "10.00", "USD");
		AccountPrincipal invitee = fixtures.viewer();
		String token = invite(owner, bundle, invitee.email(), "25");

		mvc.perform(get("/collaborations/{t}", token).with(user(invitee)))
			.andExpect(content().string(containsString("share 25.00 % of the income")));
		mvc.perform(post("/collaborations/{t}", token).with(user(fixtures.viewer())).with(csrf()))
			.andExpect(flash().attribute("error", "collaborators.link.otherAccount"));
		mvc.perform(post("/collaborations/{t}", token).with(user(owner)).with(csrf()))
			.andExpect(flash().attribute("error", "collaborators.link.otherAccount"));
		mvc.perform(post("/collaborations/{t}", token.substring(1) + "A").with(user(invitee)).with(csrf()))
			.andExpect(flash().attribute("error", "collaborators.link.unknown"));
		assertThat(accepted(bundle)).isEmpty();

		mvc.perform(post("/collaborations/{t}", token).with(user(invitee)).with(csrf()))
			.andExpect(redirectedUrl("/collaborations"));
		mvc.perform(post("/collaborations/{t}", token).with(user(invitee)).with(csrf()))
			.andExpect(flash().attribute("error", "collaborators.link.used"));
		assertThat(accepted(bundle)).containsExactly(invitee.accountId().value().toString());
	}

	@Test
	void aSaleIsSplitAfterTheFeeWithNoCentLostAndARefundTakesTheSharesBack() throws Exception {
		AccountPrincipal owner = fixtures.creator();
		String title = Fixtures.unique("Split film");
		BundleId bundle = fixtures.published(owner, title, "film".getBytes(), "10.00", "USD");
		AccountPrincipal director = fixtures.viewer();
		AccountPrincipal composer = fixtures.viewer();
		accept(director, invite(owner, bundle, director.email(), "33.33"));
		accept(composer, invite(owner, bundle, composer.email(), "33.33"));
		AccountPrincipal buyer = fixtures.viewer();
		String payPage = mvc.perform(post("/checkout/{id}", bundle).with(user(buyer)).with(csrf()))
			.andReturn().getResponse().getRedirectedUrl();
		String orderId = payPage.substring(payPage.lastIndexOf('/') + 1);

		mvc.perform(post(payPage + "/pay").with(user(buyer)).with(csrf()));

		// 10 % fee on $10.00 leaves 900 cents: 33.34 % is 300.06, 33.33 % is 299.97 twice; the 2 cents left over go to
		// the largest fractions, so 300 each, adding up to 900.
		assertThat(shares(orderId)).containsExactlyInAnyOrder(owner.accountId() + " 300 PENDING",
				director.accountId() + " 300 PENDING", composer.accountId() + " 300 PENDING");
		mvc.perform(get("/collaborations").with(user(director)))
			.andExpect(content().string(containsString(title)))
			.andExpect(content().string(containsString("$3.00")));

		mvc.perform(post("/studio/sales/{id}/refund", orderId).param("confirmed", "true").with(user(owner)).with(csrf()));

		assertThat(shares(orderId)).allMatch(row -> row.endsWith(" CANCELLED")).hasSize(3);
		mvc.perform(get("/collaborations").with(user(director)))
			.andExpect(content().string(containsString("No sales have been shared with you yet.")));
	}

	private String invite(AccountPrincipal owner, BundleId bundle, String email, String percent) throws Exception {
		mvc.perform(post("/studio/bundles/{id}/collaborators", bundle).with(user(owner)).with(csrf())
			.param("email", email).param("percent", percent))
			.andExpect(redirectedUrl("/studio/bundles/" + bundle + "/collaborators"));
		await().atMost(Duration.ofSeconds(10)).until(() -> mails.countTo(email) > 0);
		Matcher link = LINK.matcher(mails.transcript().substring(mails.transcript().lastIndexOf("To: " + email)));
		assertThat(link.find()).isTrue();
		return link.group(1);
	}

	private void accept(AccountPrincipal invitee, String token) throws Exception {
		mvc.perform(post("/collaborations/{t}", token).with(user(invitee)).with(csrf()))
			.andExpect(redirectedUrl("/collaborations"));
	}

	private List<String> accepted(BundleId bundle) {
		return jdbc.sql("select account_id::text from collaborators where bundle_id = ? and account_id is not null")
			.param(bundle.value()).query(String.class).list();
	}

	private List<String> shares(String orderId) {
		return jdbc.sql("select recipient_id || ' ' || amount_minor || ' ' || status from transfers "
				+ "where order_id = ?::uuid").param(orderId).query(String.class).list();
	}
}
