package io.reelgate.storefront;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.shared.BundleId;
import io.reelgate.support.Fixtures;
import io.reelgate.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class StorefrontTests {

	private static final byte[] FILM = "film bytes".getBytes();

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Test
	void publishedBundlesAppearNewestFirstWithCreatorAndPrice() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		String older = Fixtures.unique("Older");
		String newer = Fixtures.unique("Newer");
		fixtures.published(creator, older, FILM);
		fixtures.published(creator, newer, FILM, "7.50", "USD");

		String page = mvc.perform(get("/")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains(creator.displayName(), "$7.50", "Free");
		assertThat(page.indexOf(newer)).isLessThan(page.indexOf(older)).isPositive();
	}

	@Test
	void draftsStayOutOfTheStorefrontAndAre404ToEveryoneButTheirCreatorAndAdmins() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		String title = Fixtures.unique("Secret draft");
		BundleId draft = fixtures.draft(creator, title, FILM);

		mvc.perform(get("/")).andExpect(content().string(not(containsString(title))));
		mvc.perform(get("/bundles/{id}", draft)).andExpect(status().isNotFound());
		mvc.perform(get("/bundles/{id}", draft).with(user(fixtures.viewer()))).andExpect(status().isNotFound());
		mvc.perform(get("/bundles/{id}", draft).with(user(fixtures.creator()))).andExpect(status().isNotFound());
		mvc.perform(get("/bundles/{id}", draft).with(user(creator)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Draft: only you and admins can see this page.")));
		mvc.perform(get("/bundles/{id}", draft).with(user(fixtures.admin()))).andExpect(status().isOk());
	}

	@Test
	void searchUsesFullTextOverTitlesAndCreators() throws Exception {
		String word = "zq" + Fixtures.unique("w").substring(2).replace("-", "");
		AccountPrincipal creator = fixtures.creator("Agnès " + word + "son");
		String title = "The Lighthouses of " + word;
		fixtures.published(creator, title, FILM);
		fixtures.published(fixtures.creator(), Fixtures.unique("Unrelated"), FILM);

		mvc.perform(get("/").param("q", word))
			.andExpect(content().string(containsString(title)))
			.andExpect(content().string(not(containsString("Unrelated"))));
		// Stemming: "lighthouse" finds "Lighthouses".
		mvc.perform(get("/").param("q", "lighthouse " + word)).andExpect(content().string(containsString(title)));
		mvc.perform(get("/").param("q", word + "son")).andExpect(content().string(containsString(title)));
		mvc.perform(get("/").param("q", "\"unbalanced ' quotes & | !")).andExpect(status().isOk());
	}

	@Test
	void theBundlePageIsShareableWithOpenGraphTags() throws Exception {
		String title = Fixtures.unique("Shareable");
		BundleId id = fixtures.published(fixtures.creator(), title, FILM, "3.00", "GBP");

		mvc.perform(get("/bundles/{id}", id))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<meta property=\"og:title\" content=\"" + title + "\">")))
			.andExpect(content().string(containsString("<meta property=\"og:description\" content=\"Summary of " + title)))
			.andExpect(content().string(containsString("property=\"og:url\" content=\"http://localhost/bundles/" + id)))
			.andExpect(content().string(containsString("Log in to buy")));
	}

	@Test
	void aCreatorPageListsOnlyThatCreatorsPublicBundles() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		String visible = Fixtures.unique("Visible");
		String draft = Fixtures.unique("Draft");
		fixtures.published(creator, visible, FILM);
		fixtures.draft(creator, draft, FILM);

		mvc.perform(get("/creators/{id}", creator.accountId()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(visible)))
			.andExpect(content().string(not(containsString(draft))));
		mvc.perform(get("/creators/{id}", fixtures.viewer().accountId())).andExpect(status().isNotFound());
		mvc.perform(get("/creators/not-an-id")).andExpect(status().isNotFound());
	}

	@Test
	void longListsArePaginatedNewestFirst() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		BundleId oldest = null;
		BundleId second = null;
		for (int i = 1; i <= 25; i++) {
			BundleId id = fixtures.published(creator, "Episode %02d".formatted(i), FILM);
			oldest = i == 1 ? id : oldest;
			second = i == 2 ? id : second;
		}

		mvc.perform(get("/creators/{id}", creator.accountId()))
			.andExpect(content().string(containsString("Episode 25")))
			.andExpect(content().string(not(containsString("Episode 01"))))
			.andExpect(content().string(containsString("href=\"/creators/" + creator.accountId() + "?before=" + second + "\"")));
		mvc.perform(get("/creators/{id}", creator.accountId()).param("before", second.toString()))
			.andExpect(content().string(containsString("Episode 01")))
			.andExpect(content().string(not(containsString("Episode 25"))))
			.andExpect(content().string(containsString("href=\"/creators/" + creator.accountId() + "?after=" + oldest + "\"")));
	}

	@Test
	void searchResultPagesKeepTheQuery() throws Exception {
		String word = "pq" + Fixtures.unique("w").substring(2).replace("-", "");
		AccountPrincipal creator = fixtures.creator();
		for (int i = 1; i <= 25; i++) {
			fixtures.published(creator, word + " part " + i, FILM);
		}
		mvc.perform(get("/").param("q", word + " & more"))
			.andExpect(content().string(containsString("href=\"/?q=" + word + "%20%26%20more&amp;page=1\"")));
		mvc.perform(get("/").param("q", word + " & more").param("page", "1"))
			.andExpect(content().string(containsString(word + " part")))
			.andExpect(content().string(containsString("href=\"/?q=" + word + "%20%26%20more&amp;page=0\"")));
	}
}
