package io.reelgate.analytics;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.shared.BundleId;
import io.reelgate.support.Fixtures;
import io.reelgate.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Views counted from real requests to the bundle page: people once a day each, robots and prefetches never. */
@IntegrationTest
class PageViewTests {

	private static final String FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0";

	private static final String SAFARI = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 "
			+ "(KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1";

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Rollups rollups;

	@Autowired
	AnalyticsReports reports;

	@Autowired
	JdbcClient jdbc;

	@Test
	void countsEachVisitorOnceADayAndNoRobotsPrefetchesHeadRequestsOrTheCreator() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		BundleId bundle = fixtures.published(creator, Fixtures.unique("Counted"), "film".getBytes());
		AccountPrincipal viewer = fixtures.viewer();

		visit(bundle, "10.0.0.1", FIREFOX);
		visit(bundle, "10.0.0.1", FIREFOX);
		visit(bundle, "10.0.0.2", SAFARI).header("Referer", "https://www.Example.org/post?id=1");
		visit(bundle, "10.0.0.3", FIREFOX).with(user(viewer));
		visit(bundle, "10.0.0.4", FIREFOX).with(user(viewer));
		visit(bundle, "10.0.0.5", SAFARI + " extra").param("ref", "Newsletter");
		visit(bundle, "10.0.0.6", "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)");
		visit(bundle, "10.0.0.7", "facebookexternalhit/1.1");
		visit(bundle, "10.0.0.8", "curl/8.5.0");
		visit(bundle, "10.0.0.9", "");
		visit(bundle, "10.0.0.10", FIREFOX + " a").header("Sec-Purpose", "prefetch");
		visit(bundle, "10.0.0.11", FIREFOX + " b").header("Purpose", "prefetch");
		visit(bundle, "10.0.0.12", FIREFOX + " c").with(user(creator));
		mvc.perform(head("/bundles/" + bundle).header("User-Agent", FIREFOX + " d").with(address("10.0.0.13")))
			.andExpect(status().isOk());
		for (MockHttpServletRequestBuilder request : pending) {
			mvc.perform(request).andExpect(status().isOk());
		}

		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		rollups.rollUp(List.of(today));
		AnalyticsReport report = reports.report(creator.accountId(), bundle, new DateRange(today, today));
		assertThat(report.totals().views()).isEqualTo(4);
		assertThat(report.referrers()).containsExactlyInAnyOrder(new ReferrerFigures("", 2),
				new ReferrerFigures("example.org", 1), new ReferrerFigures("ref:newsletter", 1));
	}

	@Test
	void storesNoAddressOfAnyVisitor() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		BundleId bundle = fixtures.published(creator, Fixtures.unique("Private"), "film".getBytes());
		mvc.perform(visit(bundle, "203.0.113.77", FIREFOX)).andExpect(status().isOk());
		pending.clear();

		String row = jdbc.sql("select concat_ws('|', dedupe_key, referrer) from analytics_events where bundle_id = ?")
			.param(bundle.value()).query(String.class).single();
		assertThat(row).doesNotContain("203.0.113").matches("[0-9a-f]{64}");
	}

	@Test
	void anInvalidRangeIsAMessageOnThePageAndAProblemForScripts() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		mvc.perform(get("/studio/analytics").param("from", "2026-05-02").param("to", "2026-05-01").with(user(creator)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("The start date must not be after the end date.")));
		mvc.perform(get("/studio/analytics/data.json").param("from", "2024-01-01").param("to", "2026-01-01")
			.with(user(creator)))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.detail").value("Choose a range of at most 366 days."));
		mvc.perform(get("/studio/analytics/days.csv").param("from", "yesterday").param("to", "today")
			.with(user(creator)))
			.andExpect(status().isBadRequest());
		mvc.perform(get("/studio/analytics/secrets.csv").with(user(creator))).andExpect(status().isNotFound());
	}

	private final List<MockHttpServletRequestBuilder> pending = new java.util.ArrayList<>();

	private MockHttpServletRequestBuilder visit(BundleId bundle, String address, String userAgent) {
		MockHttpServletRequestBuilder request = get("/bundles/" + bundle).header("User-Agent", userAgent)
			.with(address(address));
		pending.add(request);
		return request;
	}

	private static org.springframework.test.web.servlet.request.RequestPostProcessor address(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}
}
