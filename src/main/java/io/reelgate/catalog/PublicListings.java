package io.reelgate.catalog;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import io.reelgate.shared.AccountId;
import io.reelgate.shared.BundleId;
import io.reelgate.shared.Money;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import org.jspecify.annotations.Nullable;

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
			b.suggested_minor, case when b.cover_key is not null then left(b.cover_sha256, 16) end as cover_version, b.created_at, b.published_at, b.release_at""";

	private static final String CURSOR = "(select c.published_at, c.id from bundles c where c.id = :cursor)";

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

	private final EntityManager em;

	PublicListings(EntityManager em) {
		this.em = em;
	}

	/** Up to {@code limit} public bundles, newest first, older than {@code cursor} if given. */
	List<BundleSummary> newest(@Nullable AccountId owner, @Nullable BundleId cursor, int limit) {
		return page(owner, cursor, "<", "desc", limit);
	}

	/** Up to {@code limit} public bundles newer than {@code cursor}, oldest of them first. */
	List<BundleSummary> newerThan(@Nullable AccountId owner, BundleId cursor, int limit) {
		return page(owner, cursor, ">", "asc", limit);
	}

	/**
	 * Matches for the text, best first, among the {@link #SEARCH_BOUND} newest: the planner may walk the storefront
	 * index for a common word (stopping at the bound) or the text index for a rare one, instead of ranking thousands.
	 */
	List<BundleSummary> search(SearchTerms terms, int offset, int limit) {
		String sql = """
				with candidates as materialized (
				  select %s, b.search from bundles b where %s and b.search @@ %s
				  order by b.published_at desc, b.id desc limit %d)
				select * from candidates b
				order by ts_rank(b.search, %s) desc, b.published_at desc, b.id desc offset :offset limit :limit
				""".formatted(CARD, PUBLIC, TYPED, SEARCH_BOUND, TYPED);
		return cards(em.createNativeQuery(sql, Tuple.class)
			.setParameter("text", terms.text())
			.setParameter("prefix", terms.prefixQuery())
			.setParameter("offset", offset)
			.setParameter("limit", limit));
	}

	/** Matches for the text's words with typos corrected, as {@link #search} ranks them. */
	List<BundleSummary> searchCorrected(SearchTerms terms, int offset, int limit) {
		String sql = """
				with q as materialized (select %s as q),
				candidates as materialized (
				  select %s, b.search from bundles b, q where %s and b.search @@ q.q
				  order by b.published_at desc, b.id desc limit %d)
				select b.* from candidates b, q
				order by ts_rank(b.search, q.q) desc, b.published_at desc, b.id desc offset :offset limit :limit
				""".formatted(CORRECTED, CARD, PUBLIC, SEARCH_BOUND);
		return cards(em.createNativeQuery(sql, Tuple.class)
			.setParameter("words", terms.spacedWords())
			.setParameter("offset", offset)
			.setParameter("limit", limit));
	}

	/** Up to {@code limit} public bundles an admin featured, the latest pick first. */
	List<BundleSummary> featured(int limit) {
		String sql = "select " + CARD + " from bundles b where b.featured_at is not null and " + PUBLIC
				+ " order by b.featured_at desc, b.id desc limit :limit";
		return cards(em.createNativeQuery(sql, Tuple.class).setParameter("limit", limit));
	}

	private List<BundleSummary> page(@Nullable AccountId owner, @Nullable BundleId cursor, String direction,
			String order, int limit) {
		String sql = "select " + CARD + " from bundles b where " + PUBLIC
				+ (owner == null ? "" : " and b.owner_id = :owner")
				+ (cursor == null ? "" : " and (b.published_at, b.id) " + direction + " " + CURSOR)
				+ " order by b.published_at " + order + ", b.id " + order + " limit :limit";
		Query query = em.createNativeQuery(sql, Tuple.class).setParameter("limit", limit);
		if (owner != null) {
			query.setParameter("owner", owner.value());
		}
		if (cursor != null) {
			query.setParameter("cursor", cursor.value());
		}
		return cards(query);
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
				instant(row.get("release_at")));
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
