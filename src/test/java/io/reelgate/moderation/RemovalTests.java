package io.reelgate.moderation;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.catalog.BundleRemoved;
import io.reelgate.catalog.FileView;
import io.reelgate.library.DownloadLinks;
import io.reelgate.library.Library;
import io.reelgate.notifications.SentMails;
import io.reelgate.shared.BundleId;
import io.reelgate.support.Fixtures;
import io.reelgate.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

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

/** Removal with revocation: the bundle leaves for good, buyers lose it at once and are refunded exactly once. */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class RemovalTests {

	private static final Duration ASYNC = Duration.ofSeconds(20);

	@Autowired
	MockMvc mvc;

	@Autowired
	SentMails mails;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Library library;

	@Autowired
	DownloadLinks links;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void removingEndsBuyersLinksRefundsEachOrderOnceEvenWhenRepeatedAndBooksTheRefunds(CapturedOutput output)
			throws Exception {
		AccountPrincipal creator = fixtures.creator();
		String title = Fixtures.unique("Counterfeit");
		BundleId bundle = fixtures.draft(creator, title, "poster".getBytes(), "6.00", "USD");
		FileView film = fixtures.addFile(creator, bundle, "film.mp4", "moving pictures".getBytes());
		fixtures.publish(creator, bundle);
		AccountPrincipal first = fixtures.viewer();
		AccountPrincipal second = fixtures.viewer();
		String firstOrder = buy(first, bundle);
		String secondOrder = buy(second, bundle);
		String link = links.pathFor(film.id(), first.accountId(), film.name());
		assertThat(mvc.perform(get(link)).andReturn().getResponse().getStatus()).isEqualTo(200);
		String reason = Fixtures.unique("Counterfeit copy of a studio film");

		AccountPrincipal admin = fixtures.admin();
		mvc.perform(post("/admin/bundles/{id}/remove", bundle).param("confirmed", "true").with(user(admin)).with(csrf()).param("reason", reason))
			.andExpect(redirectedUrl("/admin/bundles"))
			.andExpect(flash().attribute("success", "moderation.removed"));

		assertThat(mvc.perform(get(link)).andReturn().getResponse().getStatus()).isEqualTo(403);
		mvc.perform(get("/bundles/{id}", bundle)).andExpect(status().isNotFound());
		await().atMost(ASYNC).untilAsserted(() -> assertThat(orderStatuses(bundle)).containsOnly("REFUNDED"));

		mvc.perform(post("/admin/bundles/{id}/remove", bundle).param("confirmed", "true").with(user(admin)).with(csrf()).param("reason", reason))
			.andExpect(flash().attribute("success", "moderation.removed"));
		transactions.executeWithoutResult(status -> events
			.publishEvent(new BundleRemoved(bundle, creator.accountId(), title, reason)));

		await().atMost(ASYNC).untilAsserted(() -> assertThat(mails.transcript())
			.contains("To: " + first.email() + "\nSubject: \u201c" + title + "\u201d has been removed from Reelgate")
			.contains("To: " + second.email())
			.contains("Your payment of $6.00 has been refunded in full.")
			.contains("To: " + creator.email() + "\nSubject: \u201c" + title + "\u201d has been removed")
			.contains("Reason given by the moderators: " + reason));
		assertThat(library.owns(first.accountId(), bundle)).isFalse();
		assertThat(library.owns(second.accountId(), bundle)).isFalse();
		assertThat(ledger(bundle)).containsExactlyInAnyOrder("SALE 600 60 540", "SALE 600 60 540",
				"REFUND -600 -60 -540", "REFUND -600 -60 -540");
		assertThat(occurrences(output.getOut(), "Simulated refund of order " + firstOrder)).isEqualTo(1);
		assertThat(occurrences(output.getOut(), "Simulated refund of order " + secondOrder)).isEqualTo(1);
		assertThat(occurrences(mails.transcript(), "To: " + first.email() + "\nSubject: \u201c" + title
				+ "\u201d has been removed")).isEqualTo(1);
		assertThat(auditActions(bundle)).containsExactly("REMOVE_BUNDLE");
		mvc.perform(get("/library").with(user(first)))
			.andExpect(content().string(containsString("Removed: moderation removed this bundle")));
	}

	@Test
	void removalAsksForConfirmationNamingTheRefundsAndRemovesNothingWithoutIt() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		String title = Fixtures.unique("Confirm me");
		BundleId bundle = fixtures.published(creator, title, "x".getBytes(), "4.99", "USD");
		buy(fixtures.viewer(), bundle);
		buy(fixtures.viewer(), bundle);
		buy(fixtures.viewer(), bundle);
		AccountPrincipal admin = fixtures.admin();

		for (String path : List.of("/admin/bundles/{id}/remove", "/admin/reports/bundles/{id}/remove")) {
			mvc.perform(get(path, bundle).with(user(admin)))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("Remove \u201c" + title + "\u201d for good?")))
				.andExpect(content().string(containsString(
						"This refunds $14.97 and takes the bundle from its 3 owners, who lose their downloads.")))
				.andExpect(content().string(containsString("name=\"confirmed\" value=\"true\"")));
			mvc.perform(post(path, bundle).with(user(admin)).with(csrf()).param("reason", "One click"))
				.andExpect(redirectedUrl(path.replace("{id}", bundle.toString())));
		}
		assertThat(orderStatuses(bundle)).containsOnly("PAID");
		assertThat(auditActions(bundle)).isEmpty();
		mvc.perform(get("/bundles/{id}", bundle)).andExpect(status().isOk());
		mvc.perform(get("/admin/bundles/{id}/remove", bundle).with(user(creator))).andExpect(status().isForbidden());
	}

	@Test
	void anUnpaidCheckoutOfARemovedBundleClosesAndCanNoLongerBePaid() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		BundleId bundle = fixtures.published(creator, Fixtures.unique("Pending"), "x".getBytes(), "6.00", "USD");
		AccountPrincipal viewer = fixtures.viewer();
		String payPage = mvc.perform(post("/checkout/{id}", bundle).with(user(viewer)).with(csrf()))
			.andReturn().getResponse().getRedirectedUrl();
		assertThat(orderStatuses(bundle)).containsExactly("PENDING");

		mvc.perform(post("/admin/bundles/{id}/remove", bundle).param("confirmed", "true").with(user(fixtures.admin())).with(csrf())
			.param("reason", Fixtures.unique("Counterfeit")));

		await().atMost(ASYNC).untilAsserted(() -> assertThat(orderStatuses(bundle)).containsExactly("EXPIRED"));
		mvc.perform(post(payPage + "/pay").with(user(viewer)).with(csrf()));
		assertThat(orderStatuses(bundle)).containsExactly("EXPIRED");
		assertThat(library.owns(viewer.accountId(), bundle)).isFalse();
		assertThat(ledger(bundle)).isEmpty();
	}

	@Test
	void aRemovedBundleCannotBeRestoredOrHiddenLikeAHiddenOne() throws Exception {
		BundleId bundle = fixtures.published(fixtures.creator(), Fixtures.unique("Gone"), "x".getBytes());
		AccountPrincipal admin = fixtures.admin();
		mvc.perform(post("/admin/bundles/{id}/remove", bundle).param("confirmed", "true").with(user(admin)).with(csrf()).param("reason", "Illegal"));

		mvc.perform(post("/admin/bundles/{id}/restore", bundle).with(user(admin)).with(csrf()).param("reason", "Oops"))
			.andExpect(flash().attribute("error", "bundle.removed"));
		mvc.perform(post("/admin/bundles/{id}/hide", bundle).with(user(admin)).with(csrf()).param("reason", "Again"))
			.andExpect(flash().attribute("error", "bundle.removed"));
		mvc.perform(get("/bundles/{id}", bundle)).andExpect(status().isNotFound());
		assertThat(auditActions(bundle)).containsExactly("REMOVE_BUNDLE");
	}

	@Test
	void aFreeClaimIsRevokedWithNothingBooked() throws Exception {
		BundleId bundle = fixtures.published(fixtures.creator(), Fixtures.unique("Free but illegal"), "x".getBytes());
		AccountPrincipal viewer = fixtures.viewer();
		mvc.perform(post("/checkout/{id}", bundle).with(user(viewer)).with(csrf()));
		assertThat(library.owns(viewer.accountId(), bundle)).isTrue();

		mvc.perform(post("/admin/bundles/{id}/remove", bundle).param("confirmed", "true").with(user(fixtures.admin())).with(csrf())
			.param("reason", "Illegal content"));

		await().atMost(ASYNC).untilAsserted(() -> assertThat(library.owns(viewer.accountId(), bundle)).isFalse());
		assertThat(ledger(bundle)).isEmpty();
	}

	@Test
	void theCreatorAppealsARemovalAndUpholdingBringsTheBundleBackWithoutUndoingRefunds() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		BundleId bundle = fixtures.published(creator, Fixtures.unique("Parody"), "x".getBytes(), "3.00", "EUR");
		AccountPrincipal buyer = fixtures.viewer();
		buy(buyer, bundle);
		AccountPrincipal admin = fixtures.admin();
		mvc.perform(post("/admin/reports/bundles/{id}/remove", bundle).param("confirmed", "true").with(user(admin)).with(csrf())
			.param("reason", "Looks like a copy")).andExpect(flash().attribute("success", "reports.admin.removed"));
		await().atMost(ASYNC).untilAsserted(() -> assertThat(orderStatuses(bundle)).containsOnly("REFUNDED"));

		String dashboard = mvc.perform(get("/studio").with(user(creator))).andReturn().getResponse()
			.getContentAsString();
		Matcher action = Pattern.compile("action=\"/studio/appeals/([0-9a-f-]{36})\"").matcher(dashboard);
		assertThat(action.find()).isTrue();
		assertThat(dashboard).contains("Removed bundle", "Removed by moderation: Looks like a copy");
		mvc.perform(post("/studio/appeals/{id}", action.group(1)).with(user(creator)).with(csrf())
			.param("text", "It is a parody, which is fair use")).andExpect(flash().attribute("success", "appeal.sent"));

		String queue = mvc.perform(get("/admin/reports").with(user(admin))).andReturn().getResponse()
			.getContentAsString();
		Matcher appeal = Pattern.compile("/admin/reports/appeals/([0-9a-f-]{36})/uphold").matcher(queue);
		assertThat(appeal.find()).isTrue();
		mvc.perform(post("/admin/reports/appeals/{id}/uphold", appeal.group(1)).with(user(admin)).with(csrf())
			.param("reason", "Parody accepted")).andExpect(flash().attribute("success", "appeals.admin.upheld"));

		mvc.perform(get("/bundles/{id}", bundle)).andExpect(status().isOk());
		assertThat(library.owns(buyer.accountId(), bundle)).isFalse();
		assertThat(orderStatuses(bundle)).containsOnly("REFUNDED");
		assertThat(auditActions(bundle)).containsExactly("REMOVE_BUNDLE", "RESTORE_BUNDLE");
	}

	@Test
	void onlyAdminsRemove() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		BundleId bundle = fixtures.published(creator, Fixtures.unique("Mine"), "x".getBytes());
		mvc.perform(post("/admin/bundles/{id}/remove", bundle).param("confirmed", "true").with(user(creator)).with(csrf()).param("reason", "x"))
			.andExpect(status().isForbidden());
		mvc.perform(post("/admin/bundles/{id}/remove", bundle).param("confirmed", "true").with(user(fixtures.admin())).param("reason", "x"))
			.andExpect(status().isForbidden());
		mvc.perform(get("/bundles/{id}", bundle)).andExpect(status().isOk());
	}

	private String buy(AccountPrincipal buyer, BundleId bundle) throws Exception {
		String payPage = mvc.perform(post("/checkout/{id}", bundle).with(user(buyer)).with(csrf()))
			.andReturn().getResponse().getRedirectedUrl();
		mvc.perform(post(payPage + "/pay").with(user(buyer)).with(csrf()));
		return payPage.substring(payPage.lastIndexOf('/') + 1);
	}

	private List<String> orderStatuses(BundleId bundle) {
		return jdbc.sql("select status from orders where bundle_id = ?").param(bundle.value()).query(String.class)
			.list();
	}

	private List<String> ledger(BundleId bundle) {
		return jdbc.sql("""
				select kind || ' ' || gross_minor || ' ' || fee_minor || ' ' || net_minor
				from ledger_entries where bundle_id = ?""").param(bundle.value()).query(String.class).list();
	}

	private List<String> auditActions(BundleId bundle) {
		return jdbc.sql("select action from audit_log where target_id = ? order by occurred_at")
			.param(bundle.value()).query(String.class).list();
	}

	private static int occurrences(String text, String part) {
		return text.split(Pattern.quote(part), -1).length - 1;
	}
}
