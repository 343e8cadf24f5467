package io.reelgate.catalog;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import io.reelgate.shared.AccountId;
import io.reelgate.shared.BundleId;
import io.reelgate.shared.Money;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Repository;

/**
 * The storefront's queries: one statement per page, reading only the columns a card shows. Pages are walked
 * newest first from a cursor bundle (keyset), so a deep page costs what the first does; search ranks a bounded
 * set of matches. See docs/catalog-search.md for the plans these produce.
 */
@Repository
class PublicListings {

	/** How many of the newest matches search ranks: ten pages of results. */
	static final int SEARCH_BOUND = 240;

	/** The storefront's visibility rule over {@code bundles b}: published, not hidden, creator not withdrawn. */
	static final String PUBLIC = "b.status = 'PUBLISHED' and b.hidden_at is null and b.owner_withdrawn_at is null";

	private static final String CARD = """
			b.id, b.owner_id, b.creator_name, b.title, b.summary, b.gate, b.price_minor, b.price_currency,
			b.suggested_minor, case when b.cover_key is not null then left(b.cover_sha256, 16) end as cover_version, b.created_at, b.published_at, b.release_at,
			b.tags""";

	/** A match's query as PostgreSQL builds it from the text (web search syntax) or the words (prefix). */
	private static final String TYPED = "(websearch_to_tsquery('english', :text) || to_tsquery('simple', :prefix))";

	/**
	 * Each word replaced by the most similar word of any title or creator name (itself if it is one), all required;
	 * the last word may also still be a prefix, as it is while someone types ("hurston pict" is not corrected to
	 * "hurston picture" alone when "Hurston Pictures" is meant).
	 */
	private static final String CORRECTED = """
			(select to_tsquery('simple', string_agg(case when t.i = t.n then '(' || c.word || ' | ' || t.word || ':*)'
			  else c.word end, ' & ' order by t.i))
			 from (select s.word, s.i, count(*) over () as n
			       from regexp_split_to_table(:words, ' ') with ordinality as s(word, i)) t,
			  lateral (select coalesce((select w.word from search_words w where w.word % t.word
			    order by w.word <-> t.word, w.word limit 1), t.word) as word) c)""";

	/**
	 * Up to this many matches a search takes from the text index and keeps the newest {@link #SEARCH_BOUND} of;
	 * beyond it the word is common enough that walking the storefront index newest first finds the newest matches
	 * sooner (at a million bundles, more than one row in 200 matches). Counting the matches costs a heap row each,
	 * as the walk does for a fraction of that per row, so the bound is kept low: at a million bundles 10,000 made
	 * a common word ("harbor") ten times slower than the walk alone.
	 */
	static final int DENSE = 5_000;

	/**
	 * The newest {@link #SEARCH_BOUND} matches of a query, ranked, in a shape the planner cannot turn into a walk
	 * of every public row. {@code hits} is planned on its own for all its rows (a materialized CTE), so for a word
	 * it estimates rare it reads the text index, and the executor pulls from it only as many rows as
	 * {@code sparse} counts, one more than {@link #DENSE}. Up to that, the newest of those hits are the candidates;
	 * past it, and only then (a one-time filter), the storefront index is walked newest first until enough match.
	 * Left to choose, PostgreSQL misjudged a rare word at a million bundles (its estimate for a prefix is at least
	 * 0.5 % of the rows) and walked the whole storefront index for ten matches: 4 s.
	 */
	private static final String RANKED = """
			with %1$s hits as materialized (
			  select b.id, b.published_at from bundles b where %2$s and b.search @@ %3$s),
			sparse as materialized (select count(*) <= %4$d as sparse from (select from hits limit %4$d + 1) h),
			candidates as materialized (
			  (select %5$s, b.search from bundles b
			   where b.id in (select n.id from hits n where (select s.sparse from sparse s)
			                  order by n.published_at desc, n.id desc limit %6$d))
			  union all
			  (select %5$s, b.search from bundles b where not (select s.sparse from sparse s) and %2$s
			   and b.search @@ %3$s order by b.published_at desc, b.id desc limit %6$d))
			select * from candidates b
			order by ts_rank(b.search, %3$s) desc, b.published_at desc, b.id desc offset :offset limit :limit
			""";

	private final EntityManager em;

	private final int dense;

	@Autowired
	PublicListings(EntityManager em) {
		this(em, DENSE);
	}

	/** With another bound than {@link #DENSE}, so that tests reach the storefront walk with a few bundles. */
	PublicListings(EntityManager em, int dense) {
		this.em = em;
		this.dense = dense;
	}

	/**
	 * Up to {@code limit} public bundles in {@code sort}'s order, after {@code cursor} in it if given; only the
	 * creator's if {@code owner} is given, only those tagged {@code tag} if it is.
	 */
	List<BundleSummary> page(Filter filter, Sort sort, @Nullable BundleId cursor, int limit) {
		return page(filter, sort, cursor, sort.descending() ? "<" : ">", sort.descending() ? "desc" : "asc", limit);
	}

	/** Up to {@code limit} public bundles before {@code cursor} in {@code sort}'s order, nearest it first. */
	List<BundleSummary> pageBefore(Filter filter, Sort sort, BundleId cursor, int limit) {
		return page(filter, sort, cursor, sort.descending() ? ">" : "<", sort.descending() ? "asc" : "desc", limit);
	}

	/**
	 * Matches for the text, best first, among the {@link #SEARCH_BOUND} newest, ranking at most that many however
	 * many match (see {@link #RANKED}).
	 */
	List<BundleSummary> search(SearchTerms terms, int offset, int limit) {
		return cards(em.createNativeQuery(ranked("", TYPED), Tuple.class)
			.setParameter("text", terms.text())
			.setParameter("prefix", terms.prefixQuery())
			.setParameter("offset", offset)
			.setParameter("limit", limit));
	}

	/** Matches for the text's words with typos corrected, as {@link #search} ranks them. */
	List<BundleSummary> searchCorrected(SearchTerms terms, int offset, int limit) {
		return cards(em.createNativeQuery(ranked("q as materialized (select " + CORRECTED + " as q),",
				"(select q.q from q)"), Tuple.class)
			.setParameter("words", terms.spacedWords())
			.setParameter("offset", offset)
			.setParameter("limit", limit));
	}

	private String ranked(String before, String match) {
		return RANKED.formatted(before, PUBLIC, match, dense, CARD, SEARCH_BOUND);
	}

	/** Up to {@code limit} public bundles an admin featured, the latest pick first. */
	List<BundleSummary> featured(int limit) {
		String sql = "select " + CARD + " from bundles b where b.featured_at is not null and " + PUBLIC
				+ " order by b.featured_at desc, b.id desc limit :limit";
		return cards(em.createNativeQuery(sql, Tuple.class).setParameter("limit", limit));
	}

	private List<BundleSummary> page(Filter filter, Sort sort, @Nullable BundleId cursor, String direction,
			String order, int limit) {
		String key = sort.key();
		String sql = "select " + CARD + " from bundles b where " + PUBLIC
				+ (filter.owner() == null ? "" : " and b.owner_id = :owner")
				+ (filter.tag() == null ? "" : " and b.tags @> array[cast(:tag as text)]")
				+ (cursor == null ? ""
						: " and (" + key + ", b.id) " + direction + " (select " + key.replace("b.", "c.")
								+ ", c.id from bundles c where c.id = :cursor)")
				+ " order by " + key + " " + order + ", b.id " + order + " limit :limit";
		Query query = em.createNativeQuery(sql, Tuple.class).setParameter("limit", limit);
		if (filter.owner() != null) {
			query.setParameter("owner", filter.owner().value());
		}
		if (filter.tag() != null) {
			query.setParameter("tag", filter.tag());
		}
		if (cursor != null) {
			query.setParameter("cursor", cursor.value());
		}
		return cards(query);
	}

	/** Which public bundles a page lists: all, one creator's, or one tag's. */
	record Filter(@Nullable AccountId owner, @Nullable String tag) {

		static final Filter ALL = new Filter(null, null);
	}

	@SuppressWarnings("unchecked")
	private static List<BundleSummary> cards(Query query) {
		return ((List<Tuple>) query.getResultList()).stream().map(PublicListings::card).toList();
	}

	private static BundleSummary card(Tuple row) {
		String currency = row.get("price_currency", String.class);
		Long price = number(row.get("price_minor"));
		Long suggested = number(row.get("suggested_minor"));
		return new BundleSummary(new BundleId(row.get("id", UUID.class)),
				new AccountId(row.get("owner_id", UUID.class)), row.get("creator_name", String.class),
				row.get("title", String.class), row.get("summary", String.class),
				Gate.valueOf(row.get("gate", String.class)),
				price == null || currency == null ? null : Money.of(price, currency),
				suggested == null || currency == null ? null : Money.of(suggested, currency),
				row.get("cover_version", String.class), BundleStatus.PUBLISHED, null,
				instant(row.get("created_at")), instant(row.get("published_at")), false, false, null,
				instant(row.get("release_at")), tags(row.get("tags")));
	}

	private static List<String> tags(@Nullable Object value) {
		if (value instanceof String[] tags) {
			return List.of(tags);
		}
		if (value instanceof Object[] tags) {
			return Arrays.stream(tags).map(String::valueOf).toList();
		}
		return List.of();
	}

	private static @Nullable Long number(@Nullable Object value) {
		return value == null ? null : ((Number) value).longValue();
	}

	private static @Nullable Instant instant(@Nullable Object value) {
		if (value == null || value instanceof Instant) {
			return (Instant) value;
		}
		if (value instanceof OffsetDateTime time) {
			return time.toInstant();
		}
		if (value instanceof Timestamp timestamp) {
			return timestamp.toInstant();
		}
		throw new IllegalStateException("Not a timestamp: " + value.getClass());
	}
}
