package io.reelgate.analytics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.analytics.AnalyticsEvents.Event;
import io.reelgate.analytics.AnalyticsEvents.Kind;
import io.reelgate.shared.AccountId;
import io.reelgate.shared.BundleId;
import io.reelgate.support.Fixtures;
import io.reelgate.support.IntegrationTest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The figures of a known synthetic dataset, rolled up, as the report, the page, the JSON and the CSV give them.
 *
 * <pre>
 * day 1  bundle A  views: example.com x2, ref:newsletter   unlocks: purchase 10.00 USD (fee 1.00), email
 *        bundle B  views: example.com x2                  unlocks: purchase 20.00 USD (fee 2.00)
 * day 2  bundle A  views: direct                          unlocks: purchase 5.00 EUR (fee 0.50)
 *                  refund of day 1's 10.00 USD purchase
 * day 3  nothing
 * </pre>
 */
@IntegrationTest
class AnalyticsFiguresTests {

	/** Well within the retention period, so that the scheduled job's purge leaves the dataset alone. */
	private static final LocalDate DAY1 = LocalDate.now(ZoneOffset.UTC).minusDays(10);

	private static final LocalDate DAY2 = DAY1.plusDays(1);

	private static final LocalDate DAY3 = DAY1.plusDays(2);

	private static final DateRange RANGE = new DateRange(DAY1, DAY3);

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	AnalyticsEvents events;

	@Autowired
	Analytics analytics;

	@Autowired
	Rollups rollups;

	@Autowired
	AnalyticsReports reports;

	@Autowired
	RollupJob job;

	@Autowired
	JdbcClient jdbc;

	private AccountPrincipal creator;

	private BundleId a;

	private BundleId b;

	@BeforeEach
	void knownDataset() {
		creator = fixtures.creator();
		a = fixtures.published(creator, Fixtures.unique("Bundle A"), "a".getBytes());
		b = fixtures.published(creator, Fixtures.unique("Bundle B"), "b".getBytes());
		AccountId c = creator.accountId();
		view(a, c, DAY1, "example.com");
		view(a, c, DAY1, "example.com");
		view(a, c, DAY1, "ref:newsletter");
		view(b, c, DAY1, "example.com");
		view(b, c, DAY1, "example.com");
		view(a, c, DAY2, null);
		String order = "o-" + a;
		// Sold with 19 % tax on top, and refunded with it the next day.
		events.append(new Event(Kind.UNLOCK, a, c, at(DAY1), order + ":paid", "PURCHASE", null, "USD", 1000, 100, 1,
				190));
		analytics.unlocked(a, c, UnlockKind.EMAIL, "signup-" + a, at(DAY1));
		events.append(sale(b, c, DAY1, "o-" + b, "USD", 2000, 200));
		events.append(sale(a, c, DAY2, "o2-" + a, "EUR", 500, 50));
		events.append(new Event(Kind.REFUND, a, c, at(DAY2), order + ":refund", null, null, "USD", 1000, 100, 1, 190));
		rollups.rollUp(RANGE.days());
	}

	@Test
	void reportsEachDayOfOneBundle() {
		AnalyticsReport report = reports.report(creator.accountId(), a, RANGE);

		assertThat(report.days()).extracting(DayFigures::views).containsExactly(3L, 1L, 0L);
		assertThat(report.days().get(0).unlocks()).isEqualTo(Map.of("EMAIL", 1L, "PURCHASE", 1L));
		assertThat(report.days().get(0).conversion()).isEqualTo(2.0 / 3);
		assertThat(report.days().get(1).conversion()).isEqualTo(1.0);
		assertThat(report.days().get(2).conversion()).isNull();
		assertThat(report.unlockKinds()).containsExactly("EMAIL", "PURCHASE");
		assertThat(report.totals().views()).isEqualTo(4);
		assertThat(report.totals().unlockTotal()).isEqualTo(3);
		assertThat(report.money()).containsExactly(
				new MoneyFigures(DAY1, "USD", 1000, 100, 0, 0, 900, 190, 0),
				new MoneyFigures(DAY2, "EUR", 500, 50, 0, 0, 450),
				new MoneyFigures(DAY2, "USD", 0, -100, 1000, 1, -900, 0, 190));
	}

	@Test
	void refundsReduceNetAndCurrenciesAreNeverAddedTogether() {
		AnalyticsReport report = reports.report(creator.accountId(), null, RANGE);

		assertThat(report.moneyTotals()).containsExactly(new MoneyFigures(null, "EUR", 500, 50, 0, 0, 450),
				new MoneyFigures(null, "USD", 3000, 200, 1000, 1, 1800, 190, 190));
	}

	@Test
	void reportsAllTheCreatorsBundlesTogether() {
		AnalyticsReport report = reports.report(creator.accountId(), null, RANGE);

		assertThat(report.days()).extracting(DayFigures::views).containsExactly(5L, 1L, 0L);
		assertThat(report.totals().unlocks()).isEqualTo(Map.of("EMAIL", 1L, "PURCHASE", 3L));
		assertThat(report.referrers()).containsExactly(new ReferrerFigures("example.com", 4),
				new ReferrerFigures("", 1), new ReferrerFigures("ref:newsletter", 1));
	}

	@Test
	void rollingUpAgainChangesNothing() {
		rollups.rollUp(RANGE.days());
		rollups.rollUp(List.of(DAY2));

		assertThat(reports.report(creator.accountId(), null, RANGE).moneyTotals())
			.extracting(MoneyFigures::net)
			.containsExactly(450L, 1800L);
		assertThat(reports.report(creator.accountId(), null, RANGE).totals().views()).isEqualTo(6);
	}

	@Test
	void thePageShowsTheFiguresAndTheJsonFeedsTheCharts() throws Exception {
		String range = "?from=" + DAY1 + "&to=" + DAY3;
		mvc.perform(get("/studio/analytics/bundles/" + a + range).with(user(creator)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Emails collected")))
			.andExpect(content().string(containsString("66.7%")))
			.andExpect(content().string(containsString("\u2212$9.00")))
			.andExpect(content().string(containsString("\u20ac4.50")))
			.andExpect(content().string(containsString("ref:newsletter")))
			.andExpect(content().string(containsString("aria-hidden=\"true\"")));
		mvc.perform(get("/studio/analytics/data.json" + range).with(user(creator)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.days[0]").value(DAY1.toString()))
			.andExpect(jsonPath("$.views").value(org.hamcrest.Matchers.contains(5, 1, 0)))
			.andExpect(jsonPath("$.unlocks").value(org.hamcrest.Matchers.contains(3, 1, 0)))
			.andExpect(jsonPath("$.money[0].currency").value("EUR"))
			.andExpect(jsonPath("$.money[1].currency").value("USD"))
			.andExpect(jsonPath("$.money[1].net").value(org.hamcrest.Matchers.contains(27.0, -9.0, 0.0)));
	}

	@Test
	void everyTableDownloadsAsCsv() throws Exception {
		String range = "?from=" + DAY1 + "&to=" + DAY3;
		String money = mvc.perform(get("/studio/analytics/money.csv" + range).with(user(creator)))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("text/csv"))
			.andReturn().getResponse().getContentAsString();
		assertThat(money).isEqualTo("""
				"bundle","date","currency","gross","fees","refunded","refunds","net","tax","tax_refunded","paid_with_tax"\r
				"All bundles","%1$s","USD","30.00","3.00","0.00","0","27.00","1.90","0.00","31.90"\r
				"All bundles","%2$s","EUR","5.00","0.50","0.00","0","4.50","0.00","0.00","5.00"\r
				"All bundles","%2$s","USD","0.00","-1.00","10.00","1","-9.00","0.00","1.90","0.00"\r
				""".formatted(DAY1, DAY2));
		String days = mvc.perform(get("/studio/analytics/days.csv" + range).with(user(creator)))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(days).startsWith(
				"\"bundle\",\"date\",\"views\",\"unlocks\",\"unlocks_email\",\"unlocks_purchase\",\"conversion_rate\","
						+ "\"downloads\",\"streams\",\"plays\",\"watch_seconds\"\r\n"
						+ "\"All bundles\",\"" + DAY1 + "\",\"5\",\"3\",\"1\",\"2\",\"0.6000\",\"0\",\"0\",\"0\",\"0\"\r\n"
						+ "\"All bundles\",\"" + DAY2 + "\",\"1\",\"1\",\"0\",\"1\",\"1.0000\",\"0\",\"0\",\"0\",\"0\"\r\n"
						+ "\"All bundles\",\"" + DAY3 + "\",\"0\",\"0\",\"0\",\"0\",\"\",\"0\",\"0\",\"0\",\"0\"\r\n");
		String referrers = mvc.perform(get("/studio/analytics/bundles/" + b + "/referrers.csv" + range)
			.with(user(creator))).andReturn().getResponse().getContentAsString();
		assertThat(referrers).isEqualTo("\"referrer\",\"views\"\r\n\"example.com\",\"2\"\r\n");
	}

	@Test
	void anotherCreatorSeesNoneOfItAndCannotAskForIt() throws Exception {
		AccountPrincipal other = fixtures.creator();
		String range = "?from=" + DAY1 + "&to=" + DAY3;

		assertThat(reports.report(other.accountId(), null, RANGE).totals().views()).isZero();
		mvc.perform(get("/studio/analytics/bundles/" + a + range).with(user(other))).andExpect(status().isNotFound());
		mvc.perform(get("/studio/analytics/bundles/" + a + "/data.json" + range).with(user(other)))
			.andExpect(status().isNotFound());
		for (String table : List.of("days", "money", "referrers")) {
			mvc.perform(get("/studio/analytics/bundles/" + a + "/" + table + ".csv" + range).with(user(other)))
				.andExpect(status().isNotFound());
		}
		mvc.perform(get("/studio/analytics/data.json" + range).with(user(other)))
			.andExpect(jsonPath("$.views").value(org.hamcrest.Matchers.contains(0, 0, 0)))
			.andExpect(jsonPath("$.money").isEmpty());
	}

	@Test
	void rawEventsPastTheirRetentionAreDeletedAndTheRollupsStay() {
		LocalDate old = LocalDate.now(ZoneOffset.UTC).minusDays(100);
		view(a, creator.accountId(), old, "old.example");
		rollups.rollUp(List.of(old));
		assertThat(rawEvents()).isEqualTo(12);

		job.purge();

		assertThat(rawEvents()).isEqualTo(11);
		assertThat(reports.report(creator.accountId(), a, new DateRange(old, old)).referrers())
			.containsExactly(new ReferrerFigures("old.example", 1));
	}

	private long rawEvents() {
		return jdbc.sql("select count(*) from analytics_events where creator_id = ?")
			.param(creator.accountId().value()).query(Long.class).single();
	}

	private void view(BundleId bundle, AccountId creator, LocalDate day, @Nullable String referrer) {
		events.append(Event.counted(Kind.VIEW, bundle, creator, at(day), "test-view-" + java.util.UUID.randomUUID(),
				referrer));
	}

	private static Event sale(BundleId bundle, AccountId creator, LocalDate day, String order, String currency,
			long gross, long fee) {
		return new Event(Kind.UNLOCK, bundle, creator, at(day), order + ":paid", "PURCHASE", null, currency, gross,
				fee, 1);
	}

	private static Instant at(LocalDate day) {
		return day.atTime(12, 0).toInstant(ZoneOffset.UTC);
	}
}
