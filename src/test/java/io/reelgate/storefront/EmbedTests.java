package io.reelgate.storefront;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.analytics.AnalyticsReports;
import io.reelgate.analytics.DateRange;
import io.reelgate.analytics.ReferrerFigures;
import io.reelgate.moderation.ModerationService;
import io.reelgate.shared.BundleId;
import io.reelgate.support.Fixtures;
import io.reelgate.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The buy card other sites frame: only it may be framed, it sets no cookie, and only public bundles have one. */
@IntegrationTest
class EmbedTests {

	private static final String FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0";

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	ModerationService moderation;

	@Autowired
	AnalyticsReports reports;

	@Autowired
	org.springframework.context.ApplicationContext context;

	@Test
	void theCardMayBeFramedByAnySiteSetsNoCookieAndLinksToTheBundlePageAtTheTopLevel() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		String title = Fixtures.unique("Framed");
		BundleId bundle = fixtures.published(creator, title, "film".getBytes(), "4.99", "USD");

		MockHttpServletResponse card = mvc.perform(get("/embed/bundles/{id}", bundle).with(user(fixtures.viewer())))
			.andExpect(status().isOk()).andReturn().getResponse();
		String csp = card.getHeader("Content-Security-Policy");
		assertThat(csp).contains("frame-ancestors *", "script-src 'self'", "object-src 'none'")
			.doesNotContain("frame-ancestors 'none'");
		assertThat(card.getHeader("X-Frame-Options")).isNull();
		assertThat(card.getHeaders("Set-Cookie")).isEmpty();
		assertThat(card.getContentAsString()).contains(title, "$4.99", "target=\"_top\"",
				"href=\"/bundles/" + bundle + "?currency=USD#buy\"")
			// The card is the anonymous one even for a signed-in viewer: no name, no form, no token.
			.doesNotContain("<form", "_csrf");

		MockHttpServletResponse page = mvc.perform(get("/bundles/{id}", bundle)).andReturn().getResponse();
		assertThat(page.getHeader("Content-Security-Policy")).contains("frame-ancestors 'none'");
		assertThat(page.getHeader("X-Frame-Options")).isEqualTo("DENY");
	}

	@Test
	void anonymousCardsAreCachedLikeThePublicPages() throws Exception {
		BundleId bundle = fixtures.published(fixtures.creator(), Fixtures.unique("Cached"), "film".getBytes(), "4.99", "USD");
		MockHttpServletResponse card = mvc.perform(get("/embed/bundles/{id}", bundle)).andReturn().getResponse();
		assertThat(card.getHeader("Cache-Control")).contains("public", "s-maxage");
		assertThat(card.getHeader("ETag")).isNotNull();
	}

	@Test
	void draftHiddenAndMadeUpBundlesHaveNoCard() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		BundleId draft = fixtures.draft(creator, Fixtures.unique("Draft"), "film".getBytes(), "4.99", "USD");
		BundleId hidden = fixtures.published(creator, Fixtures.unique("Hidden"), "film".getBytes(), "4.99", "USD");
		fixtures.as(fixtures.admin(), () -> {
			moderation.hide(fixtures.admin(), hidden, "Under review");
			return null;
		});
		mvc.perform(get("/embed/bundles/{id}", draft).with(user(creator))).andExpect(status().isNotFound());
		mvc.perform(get("/embed/bundles/{id}", hidden)).andExpect(status().isNotFound());
		for (String id : List.of("not-a-uuid", "1".repeat(5000), "00000000-0000-0000-0000-000000000000")) {
			mvc.perform(get("/embed/bundles/" + id)).andExpect(status().isNotFound());
		}
		// Spring Security's firewall refuses an encoded NUL or slash, or a semicolon, in the path before any
		// controller sees it.
		for (String id : List.of("%00", "..%2f..%2fetc", "';select 1--")) {
			mvc.perform(get("/embed/bundles/" + id)).andExpect(status().isBadRequest());
		}
	}

	@Test
	void embedViewsAreCountedApartFromPageViewsWithTheFramingSitesHost() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		BundleId bundle = fixtures.published(creator, Fixtures.unique("Embedded"), "film".getBytes(), "4.99", "USD");
		card(bundle, "10.44.0.1", "https://www.Film-Site.example/watch?x=1");
		card(bundle, "10.44.0.1", "https://www.Film-Site.example/other");
		card(bundle, "10.44.0.2", "https://blog.example/post");
		card(bundle, "10.44.0.3", "https://" + "a".repeat(300) + ".example/");
		card(bundle, "10.44.0.4", "not a url at all");
		card(bundle, "10.44.0.5", null);

		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		io.reelgate.analytics.AnalyticsTestSupport.rollUpToday(context);
		var report = reports.report(creator.accountId(), bundle, new DateRange(today, today));
		assertThat(report.totals().views()).isZero();
		assertThat(report.referrers()).isEmpty();
		assertThat(report.embedReferrers()).contains(new ReferrerFigures("film-site.example", 1),
				new ReferrerFigures("blog.example", 1), new ReferrerFigures("", 2));
		assertThat(report.embedReferrers()).allSatisfy(r -> assertThat(r.referrer().length()).isLessThanOrEqualTo(90));
		assertThat(report.embedReferrers().stream().mapToLong(ReferrerFigures::views).sum()).isEqualTo(5);

		String dashboard = mvc.perform(get("/studio/analytics/bundles/{id}", bundle).with(user(creator)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(dashboard).contains("Sites showing the buy card", "film-site.example", "blog.example");
	}

	@Test
	void theEditorOffersTheIframeAndTheLinkToCopy() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		BundleId bundle = fixtures.published(creator, Fixtures.unique("Snip <b>\"x\""), "film".getBytes(), "4.99", "USD");
		String editor = mvc.perform(get("/studio/bundles/{id}", bundle).with(user(creator)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(editor).contains("<label class=\"form-label\" for=\"embed-iframe\"", "id=\"embed-iframe\"",
				"readonly", "&lt;iframe src=&quot;http://localhost/embed/bundles/" + bundle + "&quot;",
				"loading=&quot;lazy&quot;", "title=&quot;Snip", "&lt;a href=&quot;http://localhost/bundles/" + bundle)
			// The title is escaped once for the snippet's HTML and again for the page's.
			.contains("&amp;lt;b&amp;gt;").doesNotContain("<b>");
	}

	private void card(BundleId bundle, String address, String referer) throws Exception {
		var request = get("/embed/bundles/{id}", bundle).header("User-Agent", FIREFOX).with(address(address));
		if (referer != null) {
			request.header("Referer", referer);
		}
		mvc.perform(request).andExpect(status().isOk());
	}

	private static RequestPostProcessor address(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}
}
