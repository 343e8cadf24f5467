package io.reelgate.web;

import java.util.List;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.catalog.FileView;
import io.reelgate.shared.BundleId;
import io.reelgate.support.Fixtures;
import io.reelgate.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every action that cannot be undone is asked first on a page naming its consequence from the real data, and a
 * POST that did not come from that page (no {@code confirmed=true}) is sent to it and changes nothing.
 * Removal has its own tests in {@code RemovalTests}.
 */
@IntegrationTest
class ConfirmationPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Test
	void suspendingOrBanningACreatorNamesTheBundlesThatLeaveAndTheirBuyers() throws Exception {
		AccountPrincipal creator = fixtures.creator(Fixtures.unique("Lumen"));
		String first = Fixtures.unique("Night Train");
		String second = Fixtures.unique("Day Boat");
		BundleId one = fixtures.published(creator, first, "x".getBytes(), "4.99", "USD");
		fixtures.published(creator, second, "y".getBytes(), "2.00", "USD");
		fixtures.draft(creator, Fixtures.unique("Unseen draft"), "z".getBytes());
		buy(fixtures.viewer(), one);
		buy(fixtures.viewer(), one);
		AccountPrincipal admin = fixtures.admin();

		for (String path : List.of("/admin/accounts/{id}/suspend", "/admin/reports/creators/{id}/suspend")) {
			mvc.perform(get(path, creator.accountId()).with(user(admin)))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("Suspend " + creator.displayName() + "?")))
				.andExpect(content().string(containsString("This hides 2 bundles:")))
				.andExpect(content().string(containsString("\u201c" + first + "\u201d")))
				.andExpect(content().string(containsString("\u201c" + second + "\u201d")))
				.andExpect(content().string(containsString("2 buyers keep their downloads")))
				.andExpect(content().string(containsString("name=\"confirmed\" value=\"true\"")))
				.andExpect(content().string(containsString("name=\"reason\"")));
			mvc.perform(post(path, creator.accountId()).with(user(admin)).with(csrf()).param("reason", "One click"))
				.andExpect(redirectedUrl(path.replace("{id}", creator.accountId().toString())));
		}
		mvc.perform(get("/admin/accounts/{id}/ban", creator.accountId()).with(user(admin)))
			.andExpect(content().string(containsString("Ban " + creator.displayName() + "?")));
		mvc.perform(post("/admin/accounts/{id}/ban", creator.accountId()).with(user(admin)).with(csrf())
			.param("reason", "One click"));
		mvc.perform(get("/admin/reports/bundles/{id}/suspend", one).with(user(admin)))
			.andExpect(content().string(containsString("This hides 2 bundles:")));
		assertThat(accountStatus(creator)).isEqualTo("ACTIVE");

		mvc.perform(post("/admin/accounts/{id}/suspend", creator.accountId()).with(user(admin)).with(csrf())
			.param("confirmed", "true").param("reason", "Spam"));
		assertThat(accountStatus(creator)).isEqualTo("SUSPENDED");
	}

	@Test
	void refundingAnOrderSaysHowMuchGoesBackForWhatAndABarePostRefundsNothing() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		String title = Fixtures.unique("Refundable");
		BundleId bundle = fixtures.published(creator, title, "x".getBytes(), "4.99", "USD");
		String order = buy(fixtures.viewer(), bundle);
		AccountPrincipal admin = fixtures.admin();

		mvc.perform(get("/admin/payments/{id}/refund", order).with(user(admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Refund $4.99 for \u201c" + title + "\u201d?")))
			.andExpect(content().string(containsString("This refunds $4.99 to the buyer of \u201c" + title)))
			.andExpect(content().string(containsString("its downloads stop working at once")))
			.andExpect(content().string(containsString("name=\"reason\"")));
		mvc.perform(get("/studio/sales/{id}/refund", order).with(user(creator)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("This refunds $4.99 to the buyer")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("name=\"reason\""))));
		mvc.perform(get("/studio/sales/{id}/refund", order).with(user(fixtures.creator())))
			.andExpect(status().isNotFound());

		mvc.perform(post("/admin/payments/{id}/refund", order).with(user(admin)).with(csrf()).param("reason", "x"))
			.andExpect(redirectedUrl("/admin/payments/" + order + "/refund"));
		mvc.perform(post("/studio/sales/{id}/refund", order).with(user(creator)).with(csrf()))
			.andExpect(redirectedUrl("/studio/sales/" + order + "/refund"));
		assertThat(orderStatus(order)).isEqualTo("PAID");

		mvc.perform(post("/studio/sales/{id}/refund", order).with(user(creator)).with(csrf())
			.param("confirmed", "true"));
		assertThat(orderStatus(order)).isEqualTo("REFUNDED");
		// Refunded, the page is not offered again: back to the sales with the reason.
		mvc.perform(get("/studio/sales/{id}/refund", order).with(user(creator)))
			.andExpect(redirectedUrl("/studio/sales"));
	}

	@Test
	void removingAFileNamesItAndItsCaptionsAndABarePostKeepsIt() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		String title = Fixtures.unique("Unfinished");
		BundleId bundle = fixtures.draft(creator, title, "x".getBytes());
		FileView file = fixtures.addFile(creator, bundle, "rough-cut.txt", "rough".getBytes());
		String path = "/studio/bundles/" + bundle + "/files/" + file.id() + "/delete";

		mvc.perform(get(path).with(user(creator)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Remove \u201crough-cut.txt\u201d?")))
			.andExpect(content().string(containsString("from \u201c" + title + "\u201d and from storage")))
			.andExpect(content().string(containsString("It has no caption tracks.")));
		mvc.perform(post(path).with(user(creator)).with(csrf())).andExpect(redirectedUrl(path));
		assertThat(files(bundle)).isEqualTo(2);
		mvc.perform(post(path).with(user(creator)).with(csrf()).param("confirmed", "true"));
		assertThat(files(bundle)).isEqualTo(1);
	}

	private String buy(AccountPrincipal buyer, BundleId bundle) throws Exception {
		String payPage = mvc.perform(post("/checkout/{id}", bundle).with(user(buyer)).with(csrf()))
			.andReturn().getResponse().getRedirectedUrl();
		mvc.perform(post(payPage + "/pay").with(user(buyer)).with(csrf()));
		return payPage.substring(payPage.lastIndexOf('/') + 1);
	}

	private String accountStatus(AccountPrincipal account) {
		return jdbc.sql("select status from accounts where id = ?").param(account.accountId().value())
			.query(String.class).single();
	}

	private String orderStatus(String order) {
		return jdbc.sql("select status from orders where id = ?::uuid").param(order).query(String.class).single();
	}

	private int files(BundleId bundle) {
		return jdbc.sql("select count(*) from bundle_files where bundle_id = ?").param(bundle.value())
			.query(Integer.class).single();
	}
}
