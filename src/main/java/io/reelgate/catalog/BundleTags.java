package io.reelgate.catalog;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.reelgate.shared.AccountId;
import io.reelgate.shared.BundleId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A bundle's tags, kept beside the {@link Bundle} aggregate rather than in it: the editor replaces the whole list,
 * {@code bundle_tags} holds it, and a trigger (V41) copies it onto the bundle's row for the storefront's indexes and
 * search. Tags are what {@link Tags} makes of the creator's text, at most {@link TagProperties#maxPerBundle()}.
 */
@Service
@Transactional
public class BundleTags {

	private final JdbcClient jdbc;

	private final TagProperties properties;

	BundleTags(JdbcClient jdbc, TagProperties properties) {
		this.jdbc = jdbc;
		this.properties = properties;
	}

	/** The bundle's tags in the creator's order; for pages that already checked the viewer may see the bundle. */
	@Transactional(readOnly = true)
	public List<String> of(BundleId bundle) {
		return jdbc.sql("select tag from bundle_tags where bundle_id = :id order by position, tag")
			.param("id", bundle.value())
			.query(String.class)
			.list();
	}

	/**
	 * Replaces the bundle's tags with those in {@code input} (comma-separated). Sending the same list again changes
	 * nothing; someone else's bundle is not found.
	 * @throws CatalogException with a form message when a tag cannot be one or there are too many
	 */
	@PreAuthorize("hasRole('CREATOR')")
	public List<String> retag(AccountId owner, BundleId bundle, String input) {
		List<String> tags = Tags.parse(input, properties);
		// The bundle's row lock orders two saves of the same list: the second replaces the first's rows.
		Optional<UUID> ownerId = jdbc.sql("select owner_id from bundles where id = :id for update")
			.param("id", bundle.value())
			.query(UUID.class)
			.optional();
		if (ownerId.isEmpty() || !ownerId.get().equals(owner.value())) {
			throw new BundleNotFoundException();
		}
		jdbc.sql("delete from bundle_tags where bundle_id = :id").param("id", bundle.value()).update();
		for (int i = 0; i < tags.size(); i++) {
			jdbc.sql("insert into bundle_tags (bundle_id, tag, position) values (:id, :tag, :position)")
				.param("id", bundle.value())
				.param("tag", tags.get(i))
				.param("position", i)
				.update();
		}
		return tags;
	}

	/** The genres the editor offers, normalized as tags. */
	@Transactional(readOnly = true)
	public List<String> genres() {
		return properties.genres().stream().map(Tags::normalize).flatMap(Optional::stream).distinct().toList();
	}

	/** How many tags a bundle may have. */
	public int maxPerBundle() {
		return properties.maxPerBundle();
	}

	/** The tag {@code text} names, for a tag page's path; empty when it cannot be a tag. */
	public static Optional<String> normalize(String text) {
		return Tags.normalize(text);
	}
}
