package io.reelgate.storefront;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.catalog.BundleTags;
import io.reelgate.library.PopularityCounts;
import io.reelgate.shared.BundleId;
import io.reelgate.support.Fixtures;
import io.reelgate.support.IntegrationTest;
import io.reelgate.support.SqlStatements;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Tags a creator gives a bundle, the tag pages and search that find it by them, and the storefront's sort orders
 * with their keyset links.
 */
@IntegrationTest
class TagsAndSortingTests {

	private static final byte[] FILM = "film bytes".getBytes();

	private static final Pattern CARD = Pattern.compile("href=\"/bundles/([0-9a-f-]{36})\"");

	private static final Pattern NEXT = Pattern.compile("rel=\"next\" href=\"([^\"]+)\"");

	private static final Pattern PREVIOUS = Pattern.compile("rel=\"prev\" href=\"([^\"]+)\"");

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	BundleTags tags;

	@Autowired
	PopularityCounts popularity;

	@Test
	void aTaggedBundleIsListedOnItsTagPagesLinkedFromItsPageAndFoundBySearch() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		BundleId bundle = fixtures.published(creator, Fixtures.unique("Harbour"), FILM);
		String tag = "noir" + Fixtures.unique("x").substring(2);

		mvc.perform(post("/studio/bundles/{id}/tags", bundle).with(user(creator)).with(csrf())
			.param("genre", "drama").param("tags", " #" + tag.toUpperCase() + " , Film  Noir, drama"))
			.andExpect(redirectedUrl("/studio/bundles/" + bundle))
			.andExpect(flash().attribute("success", "tags.saved"));
		assertThat(tags.of(bundle)).containsExactly("drama", tag, "film-noir");

		String page = page("/bundles/" + bundle);
		assertThat(page).contains("href=\"/tags/" + tag + "\"", "href=\"/tags/film-noir\"");
		String tagPage = page("/tags/" + tag);
		assertThat(cards(tagPage)).containsExactly(bundle.toString());
		assertThat(tagPage).contains("<link rel=\"canonical\" href=\"http://localhost:8080/tags/" + tag + "\"");
		assertThat(cards(page("/?q=" + tag))).contains(bundle.toString());
		// A path that is a tag written otherwise leads to the tag's one URL.
		mvc.perform(get("/tags/{t}", tag.toUpperCase())).andExpect(redirectedUrl("/tags/" + tag));

		assertThat(page("/sitemap.xml")).contains("<loc>http://localhost:8080/sitemaps/tags-1.xml</loc>");
		assertThat(page("/sitemaps/tags-1.xml")).contains("<loc>http://localhost:8080/tags/" + tag + "</loc>");

		// Untagged again: the tag page is empty and search no longer finds it by the tag.
		mvc.perform(post("/studio/bundles/{id}/tags", bundle).with(user(creator)).with(csrf()).param("tags", ""))
			.andExpect(flash().attribute("success", "tags.saved"));
		assertThat(cards(page("/tags/" + tag))).isEmpty();
		assertThat(cards(page("/?q=" + tag))).doesNotContain(bundle.toString());
	}

	@Test
	void tagsOfADraftOrHiddenBundleListNothing() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		BundleId draft = fixtures.draft(creator, Fixtures.unique("Draft"), FILM);
		String tag = "draft" + Fixtures.unique("x").substring(2);
		fixtures.as(creator, () -> tags.retag(creator.accountId(), draft, tag));

		assertThat(cards(page("/tags/" + tag))).isEmpty();
		assertThat(page("/sitemaps/tags-1.xml")).doesNotContain("/tags/" + tag + "<");
	}

	@Test
	void hostileTagsAreRefusedWithAFormMessage() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		BundleId bundle = fixtures.draft(creator, Fixtures.unique("Hostile"), FILM);
		String editor = "/studio/bundles/" + bundle;

		mvc.perform(post(editor + "/tags").with(user(creator)).with(csrf()).param("tags", "x".repeat(33)))
			.andExpect(redirectedUrl(editor)).andExpect(flash().attribute("error", "tags.tooLong"));
		mvc.perform(post(editor + "/tags").with(user(creator)).with(csrf()).param("tags", "javascript:alert(1)"))
			.andExpect(redirectedUrl(editor)).andExpect(flash().attribute("error", "tags.invalid"));
		mvc.perform(post(editor + "/tags").with(user(creator)).with(csrf()).param("tags", "<script>"))
			.andExpect(flash().attribute("error", "tags.invalid"));
		mvc.perform(post(editor + "/tags").with(user(creator)).with(csrf()).param("tags", "a,b,c,d,e,f"))
			.andExpect(flash().attribute("error", "tags.tooMany"));
		mvc.perform(post(editor + "/tags").with(user(creator)).with(csrf()).param("tags", "a,".repeat(100_000)))
			.andExpect(flash().attribute("error", "tags.tooMany"));
		mvc.perform(post(editor + "/tags").with(user(creator)).with(csrf()).param("tags", "\uD800"))
			.andExpect(flash().attribute("error", "tags.invalid"));
		assertThat(tags.of(bundle)).isEmpty();

		// Letters of any script are tags: composed, lowercased, spaces made hyphens.
		mvc.perform(post(editor + "/tags").with(user(creator)).with(csrf()).param("tags", "Cine\u0301 Club, アニメ, ＳＦ"))
			.andExpect(flash().attribute("success", "tags.saved"));
		assertThat(tags.of(bundle)).containsExactly("ciné-club", "アニメ", "sf");

		mvc.perform(get("/tags/{t}", "x".repeat(5_000))).andExpect(status().isNotFound());
		mvc.perform(get("/tags/{t}", "java script:")).andExpect(status().isNotFound());
		mvc.perform(get("/tags/{t}", "a").param("sort", "'; drop table bundles")).andExpect(status().isOk());
	}

	@Test
	void anotherCreatorCannotTagMyBundle() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		BundleId bundle = fixtures.draft(creator, Fixtures.unique("Mine"), FILM);
		fixtures.as(creator, () -> tags.retag(creator.accountId(), bundle, "mine"));

		mvc.perform(post("/studio/bundles/{id}/tags", bundle).with(user(fixtures.creator())).with(csrf())
			.param("tags", "stolen")).andExpect(status().isNotFound());
		mvc.perform(post("/studio/bundles/{id}/tags", bundle).with(user(fixtures.viewer())).with(csrf())
			.param("tags", "stolen")).andExpect(status().isForbidden());
		assertThat(tags.of(bundle)).containsExactly("mine");
	}

	@Test
	void priceSortsPageBothWaysWithStableLinks() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		fixtures.payoutsReady(creator);
		String tag = "priced" + Fixtures.unique("x").substring(2);
		List<BundleId> cheapestFirst = new ArrayList<>();
		for (int i = 1; i <= 30; i++) {
			BundleId id = fixtures.published(creator, Fixtures.unique("Priced"), FILM, "%d.%02d".formatted(1 + i, i), "USD");
			fixtures.as(creator, () -> tags.retag(creator.accountId(), id, tag));
			cheapestFirst.add(id);
		}
		String base = "/tags/" + tag + "?sort=price";

		String first = page(base);
		assertThat(cards(first)).containsExactlyElementsOf(ids(cheapestFirst.subList(0, 24)));
		assertThat(link(NEXT, first)).isEqualTo(base + "&before=" + cheapestFirst.get(23));
		String second = page(link(NEXT, first));
		assertThat(cards(second)).containsExactlyElementsOf(ids(cheapestFirst.subList(24, 30)));
		assertThat(link(PREVIOUS, second)).isEqualTo(base + "&after=" + cheapestFirst.get(24));
		assertThat(cards(page(link(PREVIOUS, second)))).containsExactlyElementsOf(ids(cheapestFirst.subList(0, 24)));

		List<BundleId> dearestFirst = new ArrayList<>(cheapestFirst);
		Collections.reverse(dearestFirst);
		String dear = page("/tags/" + tag + "?sort=price-desc");
		assertThat(cards(dear)).containsExactlyElementsOf(ids(dearestFirst.subList(0, 24)));
		assertThat(cards(page(link(NEXT, dear)))).containsExactlyElementsOf(ids(dearestFirst.subList(24, 30)));
		assertThat(dear).contains("<option value=\"price-desc\" selected=\"selected\"");

		// Each page is one statement, whatever the sort.
		for (String sort : List.of("new", "popular", "price", "price-desc")) {
			assertThat(SqlStatements.during(() -> mvc.perform(get("/tags/" + tag).param("sort", sort))
				.andExpect(status().isOk()))).hasSize(1);
			assertThat(SqlStatements.during(() -> mvc.perform(get("/").param("sort", sort)
				.param("before", cheapestFirst.get(3).toString())).andExpect(status().isOk()))).hasSize(1);
		}
	}

	@Test
	void popularSortsByHowManyGotTheBundleRecently() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		String tag = "popular" + Fixtures.unique("x").substring(2);
		BundleId once = fixtures.published(creator, Fixtures.unique("Once"), FILM);
		BundleId thrice = fixtures.published(creator, Fixtures.unique("Thrice"), FILM);
		BundleId never = fixtures.published(creator, Fixtures.unique("Never"), FILM);
		for (BundleId id : List.of(once, thrice, never)) {
			fixtures.as(creator, () -> tags.retag(creator.accountId(), id, tag));
		}
		claim(once);
		for (int i = 0; i < 3; i++) {
			claim(thrice);
		}

		popularity.refresh();

		assertThat(cards(page("/tags/" + tag + "?sort=popular"))).containsExactly(thrice.toString(), once.toString(),
				never.toString());
		// Newest first is still the default.
		assertThat(cards(page("/tags/" + tag))).containsExactly(never.toString(), thrice.toString(), once.toString());
		assertThat(page("/?sort=popular")).contains("<option value=\"popular\" selected=\"selected\"");
	}

	private void claim(BundleId free) throws Exception {
		mvc.perform(post("/checkout/{id}", free).with(user(fixtures.viewer())).with(csrf()))
			.andExpect(status().is3xxRedirection());
	}

	private String page(String url) throws Exception {
		return mvc.perform(get(url)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	private static List<String> cards(String page) {
		List<String> ids = new ArrayList<>();
		int listing = page.indexOf("id=\"listing\"");
		Matcher matcher = CARD.matcher(listing < 0 ? "" : page.substring(listing));
		while (matcher.find()) {
			ids.add(matcher.group(1));
		}
		return ids;
	}

	private static String link(Pattern pattern, String page) {
		Matcher matcher = pattern.matcher(page);
		return matcher.find() ? matcher.group(1).replace("&amp;", "&") : null;
	}

	private static List<String> ids(List<BundleId> ids) {
		return ids.stream().map(BundleId::toString).toList();
	}
}
