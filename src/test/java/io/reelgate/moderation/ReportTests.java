package io.reelgate.moderation;

import java.util.List;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.accounts.AccountService;
import io.reelgate.accounts.AccountStatus;
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

@IntegrationTest
class ReportTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	ReportService reports;

	@Autowired
	ModerationService moderation;

	@Autowired
	AccountService accounts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anyoneReportsABundleAndAdminsSeeOpenReportsGroupedByBundleOldestFirst() throws Exception {
		BundleId first = published();
		BundleId second = published();
		mvc.perform(get("/bundles/{id}", first)).andExpect(content().string(containsString("Report this bundle")));
		mvc.perform(get("/bundles/{id}/report", first)).andExpect(status().isOk());

		report(post("/bundles/{id}/report", first), "SPAM", "Links to a scam site").andExpect(redirectedUrl("/bundles/" + first))
			.andExpect(flash().attribute("success", "report.thanks"));
		report(post("/bundles/{id}/report", second).with(user(fixtures.viewer())), "ILLEGAL", "Shows a crime");
		copyright(first, "Studio X", "legal@studio-x.test").andExpect(redirectedUrl("/bundles/" + first));

		List<ReportGroup> ours = fixtures.as(fixtures.admin(), reports::openQueue).stream()
			.filter(g -> g.bundle().id().equals(first) || g.bundle().id().equals(second)).toList();
		assertThat(ours).extracting(g -> g.bundle().id()).containsExactly(first, second);
		assertThat(ours.get(0).reports()).extracting(ReportView::category, ReportView::claimant, ReportView::fromAccount)
			.containsExactly(tuple(ReportCategory.SPAM, null, false), tuple(ReportCategory.COPYRIGHT, "Studio X", false));
		assertThat(ours.get(1).reports()).extracting(ReportView::fromAccount).containsExactly(true);
		mvc.perform(get("/admin/reports").with(user(fixtures.admin())))
			.andExpect(content().string(allOf(containsString("Links to a scam site"), containsString("Studio X"))));
	}

	@Test
	void aCopyrightReportNeedsWhatATakedownNoticeNeeds() throws Exception {
		BundleId bundle = published();
		report(post("/bundles/{id}/report", bundle), "COPYRIGHT", "Mine")
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("form", "claimant", "work", "contact", "statement"));
		report(post("/bundles/{id}/report", bundle), "SPAM", " ").andExpect(model().attributeHasFieldErrors("form", "details"));

		assertThat(jdbc.sql("select count(*) from reports where bundle_id = ?").param(bundle.value()).query(Long.class)
			.single()).isZero();
	}

	@Test
	void onlyBundlesInTheStorefrontCanBeReported() throws Exception {
		BundleId draft = fixtures.draft(fixtures.creator(), Fixtures.unique("Draft"), "x".getBytes());
		mvc.perform(get("/bundles/{id}/report", draft)).andExpect(status().isNotFound());
		report(post("/bundles/{id}/report", draft), "SPAM", "spam").andExpect(status().isNotFound());
	}

	@Test
	void oneAddressSendingManyReportsGetsA429() throws Exception {
		BundleId bundle = published();
		for (int i = 0; i < 10; i++) {
			report(from("192.0.2.99", bundle), "SPAM", "again " + i).andExpect(status().is3xxRedirection());
		}
		report(from("192.0.2.99", bundle), "SPAM", "once more").andExpect(status().isTooManyRequests());
		report(from("192.0.2.100", bundle), "SPAM", "someone else").andExpect(status().is3xxRedirection());
	}

	@Test
	void dismissingClosesEveryOpenReportOfTheBundleAndIsAudited() throws Exception {
		BundleId bundle = published();
		report(post("/bundles/{id}/report", bundle), "OTHER", "Odd");
		report(post("/bundles/{id}/report", bundle), "SPAM", "Odder");

		act(bundle, "dismiss", "Nothing wrong").andExpect(flash().attribute("success", "reports.admin.dismissed"));

		assertThat(openFor(bundle)).isZero();
		mvc.perform(get("/bundles/{id}", bundle)).andExpect(status().isOk());
		assertThat(fixtures.as(fixtures.admin(), () -> moderation.recentActions(0)).getContent())
			.filteredOn(e -> e.targetId().equals(bundle.value()))
			.extracting(AuditRecord::action, AuditRecord::reason)
			.containsExactly(tuple("DISMISS_REPORTS", "Nothing wrong"));
	}

	@Test
	void hidingOrSuspendingFromTheQueueActsAndClosesTheReports() throws Exception {
		BundleId hidden = published();
		report(post("/bundles/{id}/report", hidden), "ILLEGAL", "Bad");
		act(hidden, "hide", "Illegal content").andExpect(flash().attribute("success", "reports.admin.hidden"));
		assertThat(openFor(hidden)).isZero();
		mvc.perform(get("/bundles/{id}", hidden)).andExpect(status().isNotFound());

		AccountPrincipal creator = fixtures.creator();
		BundleId scam = fixtures.published(creator, Fixtures.unique("Scam"), "x".getBytes());
		report(post("/bundles/{id}/report", scam), "SPAM", "Scam");
		act(scam, "suspend", "Scam ring").andExpect(flash().attribute("success", "reports.admin.suspended"));
		assertThat(openFor(scam)).isZero();
		assertThat(accounts.find(creator.accountId()).orElseThrow().status()).isEqualTo(AccountStatus.SUSPENDED);
		mvc.perform(get("/bundles/{id}", scam)).andExpect(status().isNotFound());
	}

	private BundleId published() {
		return fixtures.published(fixtures.creator(), Fixtures.unique("Reported"), "x".getBytes());
	}

	private ResultActions copyright(BundleId bundle, String claimant, String contact) throws Exception {
		return mvc.perform(post("/bundles/{id}/report", bundle).with(csrf()).param("category", "COPYRIGHT")
			.param("details", "A copy of my film").param("claimant", claimant).param("work", "The Original")
			.param("contact", contact).param("statement", "true"));
	}

	private ResultActions report(MockHttpServletRequestBuilder request, String category, String details)
			throws Exception {
		return mvc.perform(request.with(csrf()).param("category", category).param("details", details));
	}

	private MockHttpServletRequestBuilder from(String address, BundleId bundle) {
		return post("/bundles/{id}/report", bundle).with(request -> {
			request.setRemoteAddr(address);
			return request;
		});
	}

	private ResultActions act(BundleId bundle, String action, String reason) throws Exception {
		return mvc.perform(post("/admin/reports/bundles/{id}/{action}", bundle, action).with(user(fixtures.admin()))
			.with(csrf()).param("confirmed", "true").param("reason", reason));
	}

	private long openFor(BundleId bundle) {
		return jdbc.sql("select count(*) from reports where bundle_id = ? and status = 'OPEN'").param(bundle.value())
			.query(Long.class).single();
	}
}
