package io.reelgate.storefront;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.shared.BundleId;
import io.reelgate.support.Fixtures;
import io.reelgate.support.IntegrationTest;
import io.reelgate.support.SqlStatements;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Catalog pages at any size: keyset pages ("older than this one") with stable links, no total count, and a fixed
 * number of SQL statements per page however many cards it shows.
 */
@IntegrationTest
class StorefrontPagingTests {

	private static final byte[] FILM = "film bytes".getBytes();

	private static final Pattern CARD = Pattern.compile("href=\"/bundles/([0-9a-f-]{36})\"");

	private static final Pattern NEXT = Pattern.compile("rel=\"next\" href=\"([^\"]+)\"");

	private static final Pattern PREVIOUS = Pattern.compile("rel=\"prev\" href=\"([^\"]+)\"");

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Test
	void creatorPagesWalkOlderAndBackWithStableLinks() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		List<BundleId> newestFirst = new ArrayList<>();
		for (int i = 1; i <= 50; i++) {
			newestFirst.add(0, fixtures.published(creator, "Reel %02d".formatted(i), FILM));
		}
		String base = "/creators/" + creator.accountId();

		String first = page(base);
		assertThat(cards(first)).containsExactlyElementsOf(ids(newestFirst.subList(0, 24)));
		assertThat(link(PREVIOUS, first)).isNull();
		assertThat(link(NEXT, first)).isEqualTo(base + "?before=" + newestFirst.get(23));

		String second = page(link(NEXT, first));
		assertThat(cards(second)).containsExactlyElementsOf(ids(newestFirst.subList(24, 48)));
		assertThat(link(PREVIOUS, second)).isEqualTo(base + "?after=" + newestFirst.get(24));

		String third = page(link(NEXT, second));
		assertThat(cards(third)).containsExactlyElementsOf(ids(newestFirst.subList(48, 50)));
		assertThat(link(NEXT, third)).isNull();

		assertThat(cards(page(link(PREVIOUS, third)))).containsExactlyElementsOf(ids(newestFirst.subList(24, 48)));
		// Going back from the second page lands on the first, whose links are the first page's.
		String back = page(link(PREVIOUS, second));
		assertThat(cards(back)).containsExactlyElementsOf(ids(newestFirst.subList(0, 24)));
		assertThat(link(PREVIOUS, back)).isNull();
	}

	@Test
	void aPageOlderThanABundleStaysTheSameWhenNewerBundlesArrive() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		List<BundleId> newestFirst = new ArrayList<>();
		for (int i = 1; i <= 30; i++) {
			newestFirst.add(0, fixtures.published(creator, "Short %02d".formatted(i), FILM));
		}
		String older = "/creators/" + creator.accountId() + "?before=" + newestFirst.get(3);
		List<String> before = cards(page(older));

		fixtures.published(creator, "Short 31", FILM);

		assertThat(cards(page(older))).isEqualTo(before).containsExactlyElementsOf(ids(newestFirst.subList(4, 28)));
	}

	@Test
	void theStorefrontPagesOlderThanAnyBundle() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		List<BundleId> newestFirst = new ArrayList<>();
		for (int i = 1; i <= 3; i++) {
			newestFirst.add(0, fixtures.published(creator, Fixtures.unique("Storefront"), FILM));
		}

		assertThat(cards(page("/"))).startsWith(ids(newestFirst).toArray(String[]::new));
		assertThat(cards(page("/?before=" + newestFirst.get(0)))).startsWith(ids(newestFirst.subList(1, 3))
			.toArray(String[]::new));
	}

	@Test
	void aCursorThatIsNoBundleShowsAnEmptyPageAndAMalformedOneIsNotFound() throws Exception {
		mvc.perform(get("/").param("before", BundleId.random().toString())).andExpect(status().isOk());
		mvc.perform(get("/").param("before", "not-an-id")).andExpect(status().isNotFound());
		mvc.perform(get("/creators/{id}", fixtures.creator().accountId()).param("after", "x"))
			.andExpect(status().isNotFound());
	}

	@Test
	void aPageRunsTheSameFewStatementsForOneCardOrAFullPage() throws Exception {
		AccountPrincipal few = fixtures.creator();
		fixtures.published(few, Fixtures.unique("Alone"), FILM);
		AccountPrincipal many = fixtures.creator();
		BundleId cursor = null;
		for (int i = 0; i < 30; i++) {
			BundleId id = fixtures.published(many, Fixtures.unique("Many"), FILM, "4.00", "EUR");
			cursor = i == 28 ? id : cursor;
		}

		List<String> one = statements(get("/creators/{id}", few.accountId()));
		List<String> full = statements(get("/creators/{id}", many.accountId()));
		// The creator, their profile (bio, links, banner) and one statement for the page of bundles.
		assertThat(full).hasSameSizeAs(one).hasSizeLessThanOrEqualTo(3);
		assertThat(statements(get("/creators/{id}", many.accountId()).param("before", cursor.toString())))
			.hasSameSizeAs(one);
		// The first page also reads the featured row: one more statement, whatever the number of cards in either.
		assertThat(statements(get("/"))).hasSize(2).noneMatch(sql -> sql.contains("count("))
			.anyMatch(sql -> sql.contains("featured_at"));
		assertThat(statements(get("/").param("before", cursor.toString()))).hasSize(1);
		assertThat(statements(get("/").param("q", "many"))).hasSize(1);
		// Nothing matches as typed: a second statement searches with typos corrected.
		assertThat(statements(get("/").param("q", "mxny"))).hasSizeLessThanOrEqualTo(2);
	}

	private List<String> statements(RequestBuilder request) throws Exception {
		return SqlStatements.during(() -> mvc.perform(request).andExpect(status().isOk()));
	}

	private String page(String url) throws Exception {
		return mvc.perform(get(url)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	/** The cards of the page's listing, after the hero's spotlight and the featured row (which link bundles too). */
	private static List<String> cards(String page) {
		List<String> ids = new ArrayList<>();
		Matcher matcher = CARD.matcher(page.substring(page.indexOf("id=\"listing\"")));
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
