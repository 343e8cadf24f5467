package io.reelgate.catalog;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a tag is, what a creator's link may be, and the editor's default currency: no Spring, no database. */
class TagsTests {

	private static final TagProperties LIMITS = new TagProperties(5, 32, List.of("drama"));

	@Test
	void tagsAreNormalizedToLowercaseHyphenatedWordsOfAnyScript() {
		assertThat(Tags.parse(" #Film  Noir, film_noir ,16MM,,Cine\u0301 Club, ＡＮＩＭＥ", LIMITS))
			.containsExactly("film-noir", "16mm", "ciné-club", "anime");
		assertThat(Tags.normalize("--science fiction--")).contains("science-fiction");
		assertThat(Tags.normalize("javascript:alert(1)")).isEmpty();
		assertThat(Tags.normalize("a.b")).isEmpty();
		assertThat(Tags.normalize("#")).isEmpty();
		assertThat(Tags.normalize("\uD800")).isEmpty();
	}

	@Test
	void tooManyOrTooLongTagsAreRefusedNamingTheLimit() {
		assertThatThrownBy(() -> Tags.parse("a,b,c,d,e,f", LIMITS)).hasMessage("tags.tooMany");
		assertThatThrownBy(() -> Tags.parse("x".repeat(33), LIMITS)).hasMessage("tags.tooLong");
		assertThatThrownBy(() -> Tags.parse("<b>", LIMITS)).hasMessage("tags.invalid");
		// Repeats count once.
		assertThat(Tags.parse("a,A,a,b,c,d,e", LIMITS)).hasSize(5);
	}

	@Test
	void linksMustBeAbsoluteWebAddresses() {
		assertThat(CreatorProfiles.webAddress("https://lumen.example/a?b=c")).isEqualTo("https://lumen.example/a?b=c");
		for (String refused : List.of("javascript:alert(1)", "data:text/html,x", "//host.example", "host.example",
				"https://user@host.example", "mailto:a@b.example", "http://")) {
			assertThatThrownBy(() -> CreatorProfiles.webAddress(refused)).hasMessage("profile.link.invalid");
		}
	}

	@Test
	void theEditorsCurrencyComesFromTheStudioDefaultsThenTheCatalogSetting() {
		CatalogProperties catalog = new CatalogProperties(DataSize.ofGigabytes(1), DataSize.ofMegabytes(1),
				DataSize.ofGigabytes(1), List.of("video/*"), Map.of(), "USD");
		assertThat(defaultCurrency(catalog, "eur")).isEqualTo("EUR");
		assertThat(defaultCurrency(catalog, null)).isEqualTo("USD");
		assertThat(defaultCurrency(catalog, "XYZ")).isEqualTo("EUR");
	}

	private static String defaultCurrency(CatalogProperties catalog, @Nullable String studioCurrency) {
		return new PriceRules(catalog, new EditorDefaults(new StudioDefaults(Gate.PAID, studioCurrency, "4.99")))
			.defaultCurrency();
	}
}
