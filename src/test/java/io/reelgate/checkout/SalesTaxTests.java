package io.reelgate.checkout;

import java.time.Duration;

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
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Sales tax through the simulated gateway: the buyer picks a country, its demo rate (19 % for DE, added to prices,
 * the default) is charged on top, and the order, the ledger, the receipt, the buyer's order page, the creator's
 * sales and their CSV all show net, tax and gross apart, with the platform fee on the net.
 */
@IntegrationTest
class SalesTaxTests {

	private static final byte[] FILM = "film".getBytes();

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SentMails mails;

	@Test
	void theSimulatedPageLabelsItsTaxAsSimulated() throws Exception {
		AccountPrincipal viewer = fixtures.viewer();
		BundleId bundle = fixtures.published(fixtures.creator(), Fixtures.unique("Labelled"), FILM, "10.00", "USD");

		mvc.perform(get(startCheckout(viewer, bundle)).with(user(viewer)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Simulated tax (demo rates, not real tax)")))
			.andExpect(content().string(containsString("<label class=\"form-label\" for=\"simulated-country\"")))
			.andExpect(content().string(containsString("DE: 19.00 % simulated tax")));
	}

	@Test
	void aTaxedSaleRecordsNetTaxAndGrossAndTakesTheFeeOnTheNet() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		AccountPrincipal viewer = fixtures.viewer();
		String title = Fixtures.unique("Taxed film");
		BundleId bundle = fixtures.published(creator, title, FILM, "10.00", "USD");
		String payPage = startCheckout(viewer, bundle);
		String orderId = payPage.substring(payPage.lastIndexOf('/') + 1);

		mvc.perform(post(payPage + "/pay").with(user(viewer)).with(csrf()).param("country", "DE"));

		assertThat(jdbc.sql("select amount_minor || ' ' || tax_minor || ' ' || gross_minor || ' ' || fee_minor || ' ' "
				+ "|| tax_country from orders where id = ?::uuid").param(orderId).query(String.class).single())
			.isEqualTo("1000 190 1190 100 DE");
		assertThat(jdbc.sql("select kind || ' ' || gross_minor || ' ' || tax_minor || ' ' || fee_minor || ' ' "
				+ "|| net_minor from ledger_entries where order_id = ?::uuid").param(orderId).query(String.class).list())
			.containsExactly("SALE 1190 190 100 900");

		await().atMost(Duration.ofSeconds(20)).until(() -> mails.transcript().contains("Order reference: " + orderId));
		assertThat(mails.transcript()).contains("Price before tax: $10.00", "Sales tax / VAT DE: $1.90",
				"Amount paid: $11.90", "/orders/" + orderId);

		mvc.perform(get("/orders/{id}", orderId).with(user(viewer)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("$1.90")))
			.andExpect(content().string(containsString("$11.90")));
		mvc.perform(get("/orders/{id}", orderId).with(user(fixtures.viewer()))).andExpect(status().isNotFound());

		mvc.perform(get("/studio/sales").with(user(creator)))
			.andExpect(content().string(containsString("$11.90")))
			.andExpect(content().string(containsString("net $10.00 + tax $1.90 DE")));
		mvc.perform(get("/studio/sales.csv").with(user(creator)))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("text/csv"))
			.andExpect(content().string(containsString("\"gross\",\"tax\",\"tax_country\",\"fee\",\"net\"")))
			.andExpect(content().string(containsString("\"" + title + "\",\"PURCHASE\",\"PAID\",\"USD\",\"11.90\",\"1.90\",\"DE\",\"1.00\",\"9.00\"")));
		mvc.perform(get("/studio/sales.csv").with(user(fixtures.creator())))
			.andExpect(content().string(not(containsString(orderId))));
	}

	@Test
	void aRefundReturnsTheTaxToo() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		AccountPrincipal viewer = fixtures.viewer();
		BundleId bundle = fixtures.published(creator, Fixtures.unique("Refunded taxed"), FILM, "10.00", "USD");
		String payPage = startCheckout(viewer, bundle);
		String orderId = payPage.substring(payPage.lastIndexOf('/') + 1);
		mvc.perform(post(payPage + "/pay").with(user(viewer)).with(csrf()).param("country", "FR"));

		mvc.perform(post("/studio/sales/{id}/refund", orderId).param("confirmed", "true").with(user(creator)).with(csrf()));

		assertThat(jdbc.sql("select kind || ' ' || gross_minor || ' ' || tax_minor || ' ' || fee_minor || ' ' "
				+ "|| net_minor from ledger_entries where order_id = ?::uuid").param(orderId).query(String.class).list())
			.containsExactlyInAnyOrder("SALE 1200 200 100 900", "REFUND -1200 -200 -100 -900");
	}

	@Test
	void theLedgerBooksOneLinePerPartyAddingUpToTheGrossAndTheRefundBooksEachBack() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		AccountPrincipal director = fixtures.viewer();
		AccountPrincipal viewer = fixtures.viewer();
		BundleId bundle = fixtures.published(creator, Fixtures.unique("Split taxed"), FILM, "10.00", "USD");
		jdbc.sql("""
				insert into collaborators (id, bundle_id, email, basis_points, token_hash, account_id, invited_at, accepted_at)
				values (gen_random_uuid(), ?, ?, 3333, md5(random()::text), ?, now(), now())
				""").params(bundle.value(), director.email(), director.accountId().value()).update();
		String payPage = startCheckout(viewer, bundle);
		String orderId = payPage.substring(payPage.lastIndexOf('/') + 1);

		mvc.perform(post(payPage + "/pay").with(user(viewer)).with(csrf()).param("country", "DE"));

		// 1190 paid: 190 tax, 100 fee on the net 1000, and the 900 left split 66.67 % / 33.33 %.
		assertThat(lines(orderId, "SALE")).containsExactly("TAX - 190", "PLATFORM - 100",
				"OWNER " + creator.accountId() + " 600", "COLLABORATOR " + director.accountId() + " 300");

		mvc.perform(post("/studio/sales/{id}/refund", orderId).param("confirmed", "true").with(user(creator)).with(csrf()));

		assertThat(lines(orderId, "REFUND")).containsExactly("TAX - -190", "PLATFORM - -100",
				"OWNER " + creator.accountId() + " -600", "COLLABORATOR " + director.accountId() + " -300");
		assertThat(jdbc.sql("""
				select e.kind || ' ' || e.gross_minor || ' ' || sum(l.amount_minor) from ledger_entries e
				join ledger_lines l on l.entry_id = e.id where e.order_id = ?::uuid group by e.id order by e.kind desc
				""").param(orderId).query(String.class).list()).containsExactly("SALE 1190 1190", "REFUND -1190 -1190");
		await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
				"select coalesce(sum(tax_minor), 0) from analytics_events where dedupe_key = ?")
			.param("order:" + orderId + ":paid").query(Long.class).single() == 190);
	}

	@Test
	void theDatabaseRefusesAnEntryWhoseLinesDoNotAddUpToItsGross() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		AccountPrincipal viewer = fixtures.viewer();
		BundleId bundle = fixtures.published(creator, Fixtures.unique("Unbalanced"), FILM, "10.00", "USD");
		String payPage = startCheckout(viewer, bundle);
		String orderId = payPage.substring(payPage.lastIndexOf('/') + 1);
		mvc.perform(post(payPage + "/pay").with(user(viewer)).with(csrf()).param("country", "DE"));

		// Auto-commit: the deferred check runs as the statement commits, and finds no lines for 10.00.
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql("""
				insert into ledger_entries (id, order_id, seller_id, bundle_id, kind, gross_minor, tax_minor, fee_minor,
				    net_minor, currency, occurred_at)
				values (gen_random_uuid(), ?::uuid, ?, ?, 'DISPUTE_WON', 1000, 0, 0, 1000, 'USD', now())
				""").params(orderId, creator.accountId().value(), bundle.value()).update())
			.hasMessageContaining("books 0 in its lines for a gross of 1000");
	}

	private java.util.List<String> lines(String orderId, String kind) {
		return jdbc.sql("""
				select party || ' ' || coalesce(account_id::text, '-') || ' ' || amount_minor from ledger_lines
				where order_id = ?::uuid and kind = ?
				order by array_position(array['TAX', 'PLATFORM', 'OWNER', 'COLLABORATOR'], party::text)
				""").params(orderId, kind).query(String.class).list();
	}

	@Test
	void aCountryOutsideTheDemoTableOrNoneIsNotTaxed() throws Exception {
		AccountPrincipal viewer = fixtures.viewer();
		BundleId bundle = fixtures.published(fixtures.creator(), Fixtures.unique("Untaxed"), FILM, "10.00", "USD");
		String payPage = startCheckout(viewer, bundle);
		String orderId = payPage.substring(payPage.lastIndexOf('/') + 1);

		mvc.perform(post(payPage + "/pay").with(user(viewer)).with(csrf()).param("country", "<script>"));

		assertThat(jdbc.sql("select tax_minor || ' ' || gross_minor || ' ' || fee_minor from orders where id = ?::uuid")
			.param(orderId).query(String.class).single()).isEqualTo("0 1000 100");
	}

	private String startCheckout(AccountPrincipal viewer, BundleId bundle) throws Exception {
		return mvc.perform(post("/checkout/{id}", bundle).with(user(viewer)).with(csrf()))
			.andReturn().getResponse().getRedirectedUrl();
	}
}
