package io.reelgate.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.shared.BundleId;
import io.reelgate.support.Fixtures;
import io.reelgate.support.IntegrationTest;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Search finds the same bundles whichever way it reads them: the newest of the text index's matches while there are
 * at most {@link PublicListings#DENSE}, the storefront index walked newest first beyond that. The bound is lowered
 * here so that a few bundles reach the walk.
 */
@IntegrationTest
class SearchShapeTests {

	private static final byte[] FILM = "film bytes".getBytes();

	@Autowired
	EntityManager em;

	@Autowired
	Fixtures fixtures;

	@Test
	void theTextIndexAndTheStorefrontWalkFindTheSameBundlesInTheSameOrder() {
		String word = word();
		AccountPrincipal creator = fixtures.creator();
		List<BundleId> published = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			published.add(fixtures.published(creator, "Lantern " + word + " " + i, FILM));
		}
		fixtures.published(creator, "Lantern " + word + " and " + word, FILM);

		for (String typed : new String[] { word, word.substring(0, 6), "lantern " + word }) {
			SearchTerms terms = SearchTerms.of(typed);
			List<BundleId> sparse = ids(new PublicListings(em, 100).search(terms, 0, 25));
			List<BundleId> dense = ids(new PublicListings(em, 2).search(terms, 0, 25));
			assertThat(sparse).as(typed).hasSize(6).containsAll(published).isEqualTo(dense);
		}
		SearchTerms typo = SearchTerms.of(word.substring(0, 5) + (word.charAt(5) == 'x' ? 'y' : 'x') + word.substring(6));
		assertThat(new PublicListings(em, 100).search(typo, 0, 25)).isEmpty();
		assertThat(ids(new PublicListings(em, 100).searchCorrected(typo, 0, 25))).hasSize(6)
			.isEqualTo(ids(new PublicListings(em, 2).searchCorrected(typo, 0, 25)));
	}

	@Test
	void aPageOfResultsIsTheSameEitherWay() {
		String word = word();
		AccountPrincipal creator = fixtures.creator();
		for (int i = 0; i < 7; i++) {
			fixtures.published(creator, "Compass " + word + " " + i, FILM);
		}
		SearchTerms terms = SearchTerms.of(word);
		assertThat(ids(new PublicListings(em, 3).search(terms, 2, 3)))
			.hasSize(3)
			.isEqualTo(ids(new PublicListings(em, 1000).search(terms, 2, 3)));
	}

	private static List<BundleId> ids(List<BundleSummary> cards) {
		return cards.stream().map(BundleSummary::id).toList();
	}

	/** A made-up word of ten letters that no other bundle has. */
	private static String word() {
		StringBuilder word = new StringBuilder();
		for (int i = 0; i < 10; i++) {
			word.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
		}
		return word.toString();
	}
}
