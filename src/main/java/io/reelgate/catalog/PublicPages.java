package io.reelgate.catalog;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.reelgate.shared.AccountId;
import io.reelgate.shared.BundleId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public pages there are, for sitemaps: every public bundle (the storefront's visibility rule,
 * {@link PublicListings#PUBLIC}) and every creator
 * with at least one, and every tag of one, each with the time it last changed, in a stable order so that a sitemap's pages do not shift.
 */
@Service
@Transactional(readOnly = true)
public class PublicPages {

	private final JdbcClient jdbc;

	PublicPages(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public long bundleCount() {
		return jdbc.sql("select count(*) from bundles b where " + PublicListings.PUBLIC).query(Long.class).single();
	}

	public long creatorCount() {
		return jdbc.sql("select count(distinct b.owner_id) from bundles b where " + PublicListings.PUBLIC)
			.query(Long.class)
			.single();
	}

	/** Page {@code page} (from 0) of {@code size} public bundles, oldest first. */
	public List<BundleListing> bundles(int page, int size) {
		return jdbc.sql("""
				select b.id, greatest(b.published_at, b.cover_updated_at) as changed from bundles b where %s
				order by b.published_at, b.id limit :size offset :offset""".formatted(PublicListings.PUBLIC))
			.param("size", size)
			.param("offset", (long) page * size)
			.query((rs, row) -> new BundleListing(new BundleId(rs.getObject("id", UUID.class)),
					rs.getTimestamp("changed").toInstant()))
			.list();
	}

	/** Page {@code page} (from 0) of {@code size} creators with a public bundle, by id. */
	public List<CreatorListing> creators(int page, int size) {
		return jdbc.sql("""
				select b.owner_id, max(greatest(b.published_at, b.cover_updated_at)) as changed from bundles b where %s
				group by b.owner_id order by b.owner_id limit :size offset :offset""".formatted(PublicListings.PUBLIC))
			.param("size", size)
			.param("offset", (long) page * size)
			.query((rs, row) -> new CreatorListing(new AccountId(rs.getObject("owner_id", UUID.class)),
					rs.getTimestamp("changed").toInstant()))
			.list();
	}

	/**
	 * The distinct tags, read by hopping through {@code bundle_tags_tag_idx} one tag at a time (a loose index scan:
	 * one probe per tag, not a pass over every bundle's tags), each kept with its newest public bundle's time, found
	 * by walking the storefront's index (or the tags' GIN index for a rare tag); a tag no public bundle has drops out.
	 */
	private static final String PUBLIC_TAGS = """
			with recursive t(tag) as (
			  (select tag from bundle_tags order by tag limit 1)
			  union all
			  select (select x.tag from bundle_tags x where x.tag > t.tag order by x.tag limit 1) from t
			  where t.tag is not null)
			select t.tag, l.changed from t cross join lateral (
			  select greatest(b.published_at, b.cover_updated_at) as changed from bundles b
			  where %s and b.tags @> array[t.tag] order by b.published_at desc, b.id desc limit 1) l
			where t.tag is not null""".formatted(PublicListings.PUBLIC);

	/** How many tags at least one public bundle has. */
	public long tagCount() {
		return jdbc.sql("select count(*) from (" + PUBLIC_TAGS + ") tags").query(Long.class).single();
	}

	/** Page {@code page} (from 0) of {@code size} tags of public bundles, by tag, each when its newest bundle came. */
	public List<TagListing> tags(int page, int size) {
		return jdbc.sql(PUBLIC_TAGS + " order by t.tag limit :size offset :offset")
			.param("size", size)
			.param("offset", (long) page * size)
			.query((rs, row) -> new TagListing(rs.getString("tag"), rs.getTimestamp("changed").toInstant()))
			.list();
	}

	public record TagListing(String tag, Instant lastModified) {
	}

	public record BundleListing(BundleId id, Instant lastModified) {
	}

	public record CreatorListing(AccountId id, Instant lastModified) {
	}
}
