package io.reelgate.moderation;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import io.reelgate.accounts.AccountCounts;
import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.accounts.AccountService;
import io.reelgate.catalog.BundleCounts;
import io.reelgate.catalog.Catalog;
import io.reelgate.checkout.Earnings;
import io.reelgate.checkout.PlatformTotals;
import io.reelgate.shared.BundleId;
import io.reelgate.support.Fixtures;
import io.reelgate.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class AdminDashboardTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	AccountService accounts;

	@Autowired
	Catalog catalog;

	@Autowired
	Earnings earnings;

	@Autowired
	ModerationService moderation;

	@Test
	void theCountsFollowAccountsBundlesAndSales() throws Exception {
		AccountPrincipal admin = fixtures.admin();
		AccountCounts accountsBefore = fixtures.as(admin, accounts::counts);
		BundleCounts bundlesBefore = fixtures.as(admin, catalog::counts);
		long salesBefore = usdSalesToday(admin);

		AccountPrincipal creator = fixtures.creator();
		AccountPrincipal buyer = fixtures.viewer();
		fixtures.payoutsReady(creator);
		BundleId sold = fixtures.published(creator, Fixtures.unique("Counted"), "x".getBytes(), "3.00", "USD");
		fixtures.draft(creator, Fixtures.unique("Counted draft"), "x".getBytes());
		BundleId hidden = fixtures.published(creator, Fixtures.unique("Counted hidden"), "x".getBytes());
		fixtures.as(admin, () -> {
			moderation.hide(admin, hidden, "Counted");
			return null;
		});
		String payAt = mvc.perform(post("/checkout/{id}", sold).with(user(buyer)).with(csrf())).andReturn().getResponse()
			.getRedirectedUrl();
		mvc.perform(post(payAt + "/pay").with(user(buyer)).with(csrf()));

		AccountCounts accountsAfter = fixtures.as(admin, accounts::counts);
		assertThat(accountsAfter.total()).isEqualTo(accountsBefore.total() + 2);
		assertThat(accountsAfter.creators()).isEqualTo(accountsBefore.creators() + 1);
		assertThat(accountsAfter.viewers()).isEqualTo(accountsBefore.viewers() + 1);
		BundleCounts bundlesAfter = fixtures.as(admin, catalog::counts);
		assertThat(bundlesAfter.inStorefront()).isEqualTo(bundlesBefore.inStorefront() + 1);
		assertThat(bundlesAfter.drafts()).isEqualTo(bundlesBefore.drafts() + 1);
		assertThat(bundlesAfter.hidden()).isEqualTo(bundlesBefore.hidden() + 1);
		assertThat(usdSalesToday(admin)).isEqualTo(salesBefore + 1);
	}

	@Test
	void theAdminStartPageShowsTheCountsAndTheLatestActions() throws Exception {
		AccountPrincipal admin = fixtures.admin();
		String reason = Fixtures.unique("Dashboard reason");
		BundleId bundle = fixtures.published(fixtures.creator(), Fixtures.unique("On the dashboard"), "x".getBytes());
		fixtures.as(admin, () -> {
			moderation.hide(admin, bundle, reason);
			return null;
		});

		mvc.perform(get("/admin").with(user(admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Admin overview"), containsString("In the storefront"),
					containsString("Suspended or banned"), containsString("Last 30 days"), containsString(reason))));
	}

	private long usdSalesToday(AccountPrincipal admin) {
		List<PlatformTotals> today = fixtures.as(admin,
				() -> earnings.platformSince(Instant.now().truncatedTo(ChronoUnit.DAYS)));
		return today.stream().filter(t -> t.totals().currency().getCurrencyCode().equals("USD"))
			.mapToLong(PlatformTotals::sales).sum();
	}
}
