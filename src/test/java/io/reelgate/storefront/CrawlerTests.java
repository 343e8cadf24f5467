package io.reelgate.storefront;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.moderation.ModerationService;
import io.reelgate.shared.BundleId;
import io.reelgate.support.Fixtures;
import io.reelgate.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class CrawlerTests {

	private static final byte[] FILM = "film bytes".getBytes();

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	ModerationService moderation;

	@Test
	void robotsTxtKeepsCrawlersOffTokenCarryingPathsAndNamesTheSitemapOnThePublicUrl() throws Exception {
		String robots = mvc.perform(get("/robots.txt").header("Host", "evil.example"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("text/plain"))
			.andReturn().getResponse().getContentAsString();

		assertThat(robots).contains("User-agent: *", "Disallow: /dl/", "Disallow: /hls/", "Disallow: /ws/",
				"Disallow: /tracker/", "Disallow: /api/", "Disallow: /email-unlocks/", "Disallow: /gifts/",
				"Sitemap: http://localhost:8080/sitemap.xml").doesNotContain("evil.example");
		// Pages behind sign-in send a crawler to the login page; disallowing them would only fail their audits.
		assertThat(robots).doesNotContain("/library", "/studio", "/checkout", "/account", "/admin", "/login");
		mvc.perform(get("/library")).andExpect(status().is3xxRedirection())
			.andExpect(header().string("Location", endsWith("/login")));
	}

	@Test
	void sitemapsListPublishedBundlesAndTheirCreatorsButNoDraftOrHiddenBundle() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		BundleId published = fixtures.published(creator, Fixtures.unique("Mapped"), FILM);
		BundleId draft = fixtures.draft(creator, Fixtures.unique("Unmapped draft"), FILM);
		BundleId hidden = fixtures.published(creator, Fixtures.unique("Unmapped hidden"), FILM);
		AccountPrincipal admin = fixtures.admin();
		fixtures.as(admin, () -> {
			moderation.hide(admin, hidden, "Taken down");
			return null;
		});
		AccountPrincipal draftsOnly = fixtures.creator();
		fixtures.draft(draftsOnly, Fixtures.unique("Only a draft"), FILM);

		String index = mvc.perform(get("/sitemap.xml"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("application/xml"))
			.andExpect(header().string("Cache-Control", "max-age=3600, public"))
			.andReturn().getResponse().getContentAsString();
		assertThat(index).contains("<sitemapindex", "<loc>http://localhost:8080/sitemaps/bundles-1.xml</loc>",
				"<loc>http://localhost:8080/sitemaps/creators-1.xml</loc>");

		String bundles = mvc.perform(get("/sitemaps/bundles-1.xml")).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(bundles).contains("<urlset", "<loc>http://localhost:8080/bundles/" + published + "</loc><lastmod>")
			.doesNotContain(draft.toString(), hidden.toString());

		String creators = mvc.perform(get("/sitemaps/creators-1.xml")).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(creators).contains("<loc>http://localhost:8080/creators/" + creator.accountId() + "</loc>")
			.doesNotContain(draftsOnly.accountId().toString());
	}

	@Test
	void sitemapPagesPastTheEndOrMalformedAre404() throws Exception {
		mvc.perform(get("/sitemaps/bundles-99.xml")).andExpect(status().isNotFound());
		mvc.perform(get("/sitemaps/bundles-0.xml")).andExpect(status().isNotFound());
		mvc.perform(get("/sitemaps/bundles-99999999999999999999.xml")).andExpect(status().isNotFound());
		mvc.perform(get("/sitemaps/drafts-1.xml")).andExpect(status().isNotFound());
	}
}
