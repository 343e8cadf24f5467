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
 * with at least one, each with the time it last changed, in a stable order so that a sitemap's pages do not shift.
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

	public record BundleListing(BundleId id, Instant lastModified) {
	}

	public record CreatorListing(AccountId id, Instant lastModified) {
	}
}
