package io.reelgate.moderation;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.accounts.AccountService;
import io.reelgate.accounts.AccountStatus;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Reports about a creator as a whole, from their public page, and the queue's creator section. */
@IntegrationTest
class CreatorReportTests {

	private static final AtomicInteger ADDRESSES = new AtomicInteger();

	@Autowired
	MockMvc mvc;

	@Autowired
	SentMails mails;

	@Autowired
	Fixtures fixtures;

	@Autowired
	ReportService reports;

	@Autowired
	AccountService accounts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anyoneReportsACreatorFromTheirPageAndAdminsSeeTheReportsGroupedByCreator() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		AccountId id = creator.accountId();
		mvc.perform(get("/creators/{id}", id)).andExpect(content().string(containsString("Report this creator")));
		mvc.perform(get("/creators/{id}/report", id)).andExpect(status().isOk())
			.andExpect(content().string(containsString("Report a creator")));

		report(post("/creators/{id}/report", id), "SPAM", "Sells the same scam under many titles")
			.andExpect(redirectedUrl("/creators/" + id)).andExpect(flash().attribute("success", "report.thanks"));
		report(post("/creators/{id}/report", id).with(user(fixtures.viewer())), "OTHER", "Impersonates a director")
			.andExpect(redirectedUrl("/creators/" + id));

		List<CreatorReportGroup> ours = fixtures.as(fixtures.admin(), reports::openCreatorQueue).stream()
			.filter(g -> g.creator().id().equals(id)).toList();
		assertThat(ours).hasSize(1);
		assertThat(ours.get(0).reports()).extracting(ReportView::category, ReportView::fromAccount)
			.containsExactly(tuple(ReportCategory.SPAM, false), tuple(ReportCategory.OTHER, true));
		assertThat(fixtures.as(fixtures.admin(), reports::openQueue)).noneMatch(g -> g.bundle().creatorId().equals(id));
		mvc.perform(get("/admin/reports").with(user(fixtures.admin()))).andExpect(content().string(
				allOf(containsString("Reports by creator"), containsString("Impersonates a director"))));
	}

	@Test
	void onlyCreatorsCanBeReportedAndBadInputIsAFormMessage() throws Exception {
		AccountId viewer = fixtures.viewer().accountId();
		mvc.perform(get("/creators/{id}/report", viewer)).andExpect(status().isNotFound());
		report(post("/creators/{id}/report", viewer), "SPAM", "x").andExpect(status().isNotFound());

		AccountId creator = fixtures.creator().accountId();
		report(post("/creators/{id}/report", creator).param("email", "not an address"), "SPAM", " ")
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("form", "details", "email"));
		assertThat(openAbout(creator)).isZero();
	}

	@Test
	void creatorAndBundleReportsShareOneLimitPerAddress() throws Exception {
		AccountId creator = fixtures.creator().accountId();
		BundleId bundle = fixtures.published(fixtures.creator(), Fixtures.unique("Limited"), "x".getBytes());
		for (int i = 0; i < 5; i++) {
			report(from("192.0.2.77", "/creators/" + creator + "/report"), "SPAM", "c" + i)
				.andExpect(status().is3xxRedirection());
			report(from("192.0.2.77", "/bundles/" + bundle + "/report"), "SPAM", "b" + i)
				.andExpect(status().is3xxRedirection());
		}
		report(from("192.0.2.77", "/creators/" + creator + "/report"), "SPAM", "more")
			.andExpect(status().isTooManyRequests());
	}

	@Test
	void banningAReportedCreatorClosesTheReportsTellsReportersWhoLeftAnAddressAndIsAudited()
			throws Exception {
		AccountPrincipal creator = fixtures.creator();
		AccountId id = creator.accountId();
		AccountPrincipal reporter = fixtures.viewer();
		String anonymous = Fixtures.unique("witness") + "@example.test";
		report(post("/creators/{id}/report", id).with(user(reporter)), "SPAM", "Scam account");
		report(post("/creators/{id}/report", id).param("email", anonymous), "ILLEGAL", "Illegal films");
		report(post("/creators/{id}/report", id), "OTHER", "No address given");

		act(id, "ban", "Runs a scam").andExpect(flash().attribute("success", "reports.admin.banned"));

		assertThat(openAbout(id)).isZero();
		assertThat(accounts.find(id).orElseThrow().status()).isEqualTo(AccountStatus.BANNED);
		assertThat(actionsAgainst(id)).containsExactly("BAN_ACCOUNT");
		String told = "Our moderators have banned the account";
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(mails.transcript())
			.contains("To: " + reporter.email() + "\nSubject: Your report about \u201c" + creator.displayName())
			.contains("To: " + anonymous + "\nSubject: Your report about")
			.contains(told)
			.contains("To: " + creator.email() + "\nSubject: Your Reelgate account is banned"));
	}

	@Test
	void dismissingOrSuspendingFromTheCreatorQueueClosesTheReportsAndIsAudited() throws Exception {
		AccountId dismissed = fixtures.creator().accountId();
		report(post("/creators/{id}/report", dismissed), "OTHER", "Odd");
		act(dismissed, "dismiss", "Nothing wrong").andExpect(flash().attribute("success", "reports.admin.dismissed"));
		assertThat(openAbout(dismissed)).isZero();
		assertThat(accounts.find(dismissed).orElseThrow().status()).isEqualTo(AccountStatus.ACTIVE);
		assertThat(actionsAgainst(dismissed)).containsExactly("DISMISS_REPORTS");

		AccountId suspended = fixtures.creator().accountId();
		report(post("/creators/{id}/report", suspended), "SPAM", "Spam");
		act(suspended, "suspend", "Spam ring").andExpect(flash().attribute("success", "reports.admin.suspended"));
		assertThat(openAbout(suspended)).isZero();
		assertThat(accounts.find(suspended).orElseThrow().status()).isEqualTo(AccountStatus.SUSPENDED);
	}

	@Test
	void aBundleReporterWhoLeftAnAddressHearsTheOutcomeToo() throws Exception {
		String title = Fixtures.unique("Dubious");
		BundleId bundle = fixtures.published(fixtures.creator(), title, "x".getBytes());
		String address = Fixtures.unique("viewer") + "@example.test";
		report(post("/bundles/{id}/report", bundle).param("email", address), "SPAM", "Dubious");

		mvc.perform(post("/admin/reports/bundles/{id}/dismiss", bundle).with(user(fixtures.admin())).with(csrf())
			.param("reason", "Looks fine"));

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(mails.transcript())
			.contains("To: " + address + "\nSubject: Your report about \u201c" + title + "\u201d"));
	}

	/**
	 * Sends a report from an address of its own unless the request sets one: MockMvc's requests all come from
	 * 127.0.0.1, whose report budget the rest of the suite shares.
	 */
	private ResultActions report(MockHttpServletRequestBuilder request, String category, String details)
			throws Exception {
		return mvc.perform(request.with(csrf()).with(r -> {
			if ("127.0.0.1".equals(r.getRemoteAddr())) {
				r.setRemoteAddr("198.51.100." + ADDRESSES.incrementAndGet() % 250);
			}
			return r;
		}).param("category", category).param("details", details));
	}

	private MockHttpServletRequestBuilder from(String address, String path) {
		return post(path).with(request -> {
			request.setRemoteAddr(address);
			return request;
		});
	}

	private ResultActions act(AccountId creator, String action, String reason) throws Exception {
		return mvc.perform(post("/admin/reports/creators/{id}/{action}", creator, action).with(user(fixtures.admin()))
			.with(csrf()).param("confirmed", "true").param("reason", reason));
	}

	private long openAbout(AccountId creator) {
		return jdbc.sql("select count(*) from reports where creator_id = ? and bundle_id is null and status = 'OPEN'")
			.param(creator.value()).query(Long.class).single();
	}

	private List<String> actionsAgainst(AccountId creator) {
		return jdbc.sql("select action from audit_log where target_id = ? order by occurred_at")
			.param(creator.value()).query(String.class).list();
	}
}
