package io.reelgate.storefront;

import java.util.concurrent.ThreadLocalRandom;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.accounts.AccountStatus;
import io.reelgate.moderation.ModerationService;
import io.reelgate.shared.BundleId;
import io.reelgate.support.Fixtures;
import io.reelgate.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Search finds what people type: phrases, creator names, prefixes while typing, small typos; and only public bundles. */
@IntegrationTest
class CatalogSearchTests {

	private static final byte[] FILM = "film bytes".getBytes();

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	ModerationService moderation;

	@Test
	void aCreatorsFullNameFindsTheirBundlesAndSoDoesEitherWordOrAPrefix() throws Exception {
		String studio = capitalized(word());
		AccountPrincipal creator = fixtures.creator(studio + " Pictures");
		String title = Fixtures.unique("Quiet feature");
		fixtures.published(creator, title, FILM);

		found(studio + " Pictures", title);
		found(studio.toLowerCase() + " pictures", title);
		found(studio, title);
		found(studio.substring(0, 4), title);
		found(studio.substring(0, 4).toUpperCase() + " Pict", title);
		// "Pictures" is common to many studios; this one's newest bundle ranks among them.
		found("Pictures " + studio.substring(0, 3), title);
	}

	@Test
	void aQuotedPhraseFindsTitlesWithTheWordsInThatOrder() throws Exception {
		String name = word();
		String title = "The Silent " + capitalized(name) + " Harbor";
		fixtures.published(fixtures.creator(), title, FILM);

		found("\"silent " + name + " harbor\"", title);
		found("silent harbor " + name, title);
		notFound("\"harbor " + name + " silent\"", title);
		notFound(name + " -harbor", title);
	}

	@Test
	void stemmingFindsOtherFormsOfAWord() throws Exception {
		String name = word();
		String title = "Lighthouses of " + capitalized(name);
		fixtures.published(fixtures.creator(), title, FILM);

		found("lighthouse " + name, title);
	}

	@Test
	void aSmallTypoInATitleOrCreatorWordStillFindsTheBundle() throws Exception {
		String name = word();
		String studio = word();
		String title = "Harbor of " + capitalized(name);
		fixtures.published(fixtures.creator(capitalized(studio) + " Films"), title, FILM);

		found(typo(name), title);
		found("harbr " + typo(name), title);
		found(typo(studio) + " films", title);
	}

	@Test
	void draftsHiddenRemovedAndWithdrawnBundlesAreNeverFound() throws Exception {
		String name = word();
		AccountPrincipal creator = fixtures.creator();
		AccountPrincipal admin = fixtures.admin();
		String draft = name + " draft";
		String hidden = name + " hidden";
		String removed = name + " removed";
		String withdrawn = name + " withdrawn";
		fixtures.draft(creator, draft, FILM);
		BundleId toHide = fixtures.published(creator, hidden, FILM);
		BundleId toRemove = fixtures.published(creator, removed, FILM);
		AccountPrincipal suspended = fixtures.creator();
		fixtures.published(suspended, withdrawn, FILM);
		fixtures.as(admin, () -> {
			moderation.hide(admin, toHide, "Hidden from search");
			moderation.remove(admin, toRemove, "Removed from search");
			moderation.changeAccountStatus(admin, suspended.accountId(), AccountStatus.SUSPENDED, "Suspended");
			return null;
		});

		for (String query : new String[] { name, name.substring(0, 5), typo(name), name + " draft", draft }) {
			mvc.perform(get("/").param("q", query))
				.andExpect(status().isOk())
				.andExpect(content().string(not(containsString(card(draft)))))
				.andExpect(content().string(not(containsString(card(hidden)))))
				.andExpect(content().string(not(containsString(card(removed)))))
				.andExpect(content().string(not(containsString(card(withdrawn)))));
		}
	}

	@Test
	void anyTextIsASearchNeverAnError() throws Exception {
		for (String query : new String[] { "\"", "-", "or", "& | ! : * ( )", "'; drop table bundles; --",
				"x".repeat(500), "日本語 映画", "\"unbalanced ' quotes & | !", "lum:*", "a & !b" }) {
			mvc.perform(get("/").param("q", query)).andExpect(status().isOk());
		}
		mvc.perform(get("/").param("q", "harbor").param("page", "-1")).andExpect(status().isOk());
		mvc.perform(get("/").param("q", "harbor").param("page", "99999")).andExpect(status().isOk());
	}

	private void found(String query, String title) throws Exception {
		mvc.perform(get("/").param("q", query)).andExpect(content().string(containsString(card(title))));
	}

	private void notFound(String query, String title) throws Exception {
		mvc.perform(get("/").param("q", query)).andExpect(content().string(not(containsString(card(title)))));
	}

	/** A result card's title link (the page also repeats the query, which may contain the title's words). */
	private static String card(String title) {
		return "\">" + title + "</a>";
	}

	/** A made-up word of ten letters that no other bundle has. */
	private static String word() {
		StringBuilder word = new StringBuilder();
		for (int i = 0; i < 10; i++) {
			word.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
		}
		return word.toString();
	}

	/** The word with its sixth letter changed, as a hurried typist might. */
	private static String typo(String word) {
		char changed = word.charAt(5) == 'x' ? 'y' : 'x';
		return word.substring(0, 5) + changed + word.substring(6);
	}

	private static String capitalized(String word) {
		return Character.toUpperCase(word.charAt(0)) + word.substring(1);
	}
}
