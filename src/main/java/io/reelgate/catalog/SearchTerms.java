package io.reelgate.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What someone typed into the search box, read two ways: as web search syntax for PostgreSQL
 * ({@code websearch_to_tsquery}: words, "quoted phrases", {@code -excluded}, {@code or}), and as plain words whose
 * last one may be unfinished ({@code "lumen pic"} also finds "Lumen Pictures" while typing). The words are letters
 * and digits only, so the prefix expression built from them is always valid {@code to_tsquery} syntax.
 */
record SearchTerms(String text, List<String> words) {

	static final int MAX_LENGTH = 200;

	private static final int MAX_WORDS = 8;

	private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

	private static final Pattern OPERATORS = Pattern.compile("\"|(^|\\s)-\\S|(?i)(^|\\s)or(\\s|$)");

	private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

	static SearchTerms of(String typed) {
		String text = CONTROL.matcher(typed).replaceAll(" ").strip();
		if (text.length() > MAX_LENGTH) {
			text = text.substring(0, MAX_LENGTH);
		}
		List<String> words = new ArrayList<>();
		Matcher matcher = WORD.matcher(text.toLowerCase(Locale.ROOT));
		while (matcher.find() && words.size() < MAX_WORDS) {
			words.add(matcher.group());
		}
		return new SearchTerms(text, List.copyOf(words));
	}

	/**
	 * All words, the last as a prefix ({@code lumen & pic:*}), or empty when the text uses search operators: a
	 * quoted phrase or an exclusion means exactly what it says.
	 */
	String prefixQuery() {
		return plain() ? String.join(" & ", words) + ":*" : "";
	}

	/**
	 * Whether the text is just words, without phrases, exclusions or alternatives: only then may a search for its
	 * words loosen it (prefix, typo correction).
	 */
	boolean plain() {
		return !words.isEmpty() && !OPERATORS.matcher(text).find();
	}

	/** The words separated by single spaces, for the typo correction to split. */
	String spacedWords() {
		return String.join(" ", words);
	}
}
