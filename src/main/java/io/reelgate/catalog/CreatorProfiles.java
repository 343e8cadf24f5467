package io.reelgate.catalog;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.reelgate.shared.AccountId;
import io.reelgate.storage.BlobStore;
import io.reelgate.storage.BlobTooLargeException;
import io.reelgate.storage.StoredBlob;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

/**
 * Creators' pages: bio, links and banner ({@code creator_profiles}, V41). The banner is checked and stored like a
 * cover (type from its bytes, {@code reelgate.catalog.max-cover-size}), streamed to the store with no transaction
 * open, then recorded in a short one; the banner it replaces is deleted after that commits.
 */
@Service
public class CreatorProfiles {

	public static final int MAX_LINKS = 5;

	public static final int MAX_BIO = 4_000;

	static final int MAX_LINK_LENGTH = 500;

	private static final Logger log = LoggerFactory.getLogger(CreatorProfiles.class);

	private final JdbcClient jdbc;

	private final BlobStore store;

	private final TransactionTemplate transactions;

	private final CatalogProperties properties;

	private final Clock clock;

	CreatorProfiles(JdbcClient jdbc, BlobStore store, TransactionTemplate transactions, CatalogProperties properties,
			Clock clock) {
		this.jdbc = jdbc;
		this.store = store;
		this.transactions = transactions;
		this.properties = properties;
		this.clock = clock;
	}

	/** The creator's profile; an empty one if they never wrote it. */
	public CreatorProfile of(AccountId creator) {
		return jdbc.sql("""
				select bio, links, case when banner_key is not null then left(banner_sha256, 16) end as banner_version
				from creator_profiles where account_id = :id""")
			.param("id", creator.value())
			.query((rs, row) -> new CreatorProfile(rs.getString("bio"),
					List.of((String[]) rs.getArray("links").getArray()), rs.getString("banner_version")))
			.optional()
			.orElse(CreatorProfile.EMPTY);
	}

	/** The banner's blob, for serving it. */
	public Optional<CoverView> banner(AccountId creator) {
		return jdbc.sql("""
				select banner_key, banner_content_type, banner_size, banner_sha256, banner_updated_at
				from creator_profiles where account_id = :id and banner_key is not null""")
			.param("id", creator.value())
			.query((rs, row) -> new CoverView(rs.getString("banner_key"), rs.getString("banner_content_type"),
					rs.getLong("banner_size"), rs.getString("banner_sha256"),
					rs.getTimestamp("banner_updated_at").toInstant()))
			.optional();
	}

	/**
	 * Sets the bio and links; blank links are dropped, the rest must be absolute http or https URLs. Saving the same
	 * again changes nothing.
	 * @throws CatalogException with a form message for a bio too long, too many links or one that is no web address
	 */
	@PreAuthorize("hasRole('CREATOR')")
	public void describe(AccountId creator, String bio, List<String> links) {
		String text = bio.replace("\r\n", "\n").replace('\r', '\n').strip();
		if (text.length() > 4 * MAX_BIO || text.codePointCount(0, text.length()) > MAX_BIO) {
			throw new CatalogException("profile.bio.tooLong", MAX_BIO);
		}
		// Line breaks and tabs are text; other control characters are not (PostgreSQL stores no NUL at all).
		if (text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
			throw new CatalogException("profile.bio.invalid");
		}
		List<String> kept = new ArrayList<>();
		for (String link : links) {
			if (link != null && !link.isBlank()) {
				kept.add(webAddress(link.strip()));
			}
		}
		if (kept.size() > MAX_LINKS) {
			throw new CatalogException("profile.links.tooMany", MAX_LINKS);
		}
		jdbc.sql("""
				insert into creator_profiles (account_id, bio, links, updated_at)
				values (:id, :bio, cast(:links as text[]), :now)
				on conflict (account_id) do update set bio = excluded.bio, links = excluded.links,
				  updated_at = excluded.updated_at""")
			.param("id", creator.value())
			.param("bio", text)
			.param("links", arrayLiteral(kept))
			.param("now", Timestamp.from(clock.instant()))
			.update();
	}

	/**
	 * Replaces the banner with an uploaded image (PNG, JPEG, GIF or WebP, detected from its bytes).
	 * @throws CatalogException when it is empty, no image, or larger than covers may be
	 */
	@PreAuthorize("hasRole('CREATOR')")
	public void changeBanner(AccountId creator, InputStream content) {
		BufferedInputStream buffered = new BufferedInputStream(content);
		String contentType = ImageTypes.sniff(buffered);
		long maxBytes = properties.maxCoverSize().toBytes();
		StoredBlob blob;
		try {
			blob = store.store(buffered, maxBytes);
		}
		catch (BlobTooLargeException ex) {
			throw new CatalogException("upload.tooLarge", DataSize.ofBytes(maxBytes).toMegabytes());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not store a banner", ex);
		}
		try {
			replaceBanner(creator, blob, contentType).ifPresent(this::deleteQuietly);
		}
		catch (RuntimeException ex) {
			deleteQuietly(blob.key());
			throw ex;
		}
	}

	@PreAuthorize("hasRole('CREATOR')")
	public void removeBanner(AccountId creator) {
		replaceBanner(creator, null, null).ifPresent(this::deleteQuietly);
	}

	/** Records the new banner (or none) and returns the storage key of the one it replaced. */
	private Optional<String> replaceBanner(AccountId creator, @Nullable StoredBlob blob, @Nullable String type) {
		return transactions.execute(status -> {
			Optional<String> previous = jdbc.sql(
					"select banner_key from creator_profiles where account_id = :id and banner_key is not null for update")
				.param("id", creator.value())
				.query(String.class)
				.optional();
			jdbc.sql("""
					insert into creator_profiles (account_id, banner_key, banner_content_type, banner_size, banner_sha256,
					  banner_updated_at, updated_at)
					values (:id, :key, :type, :size, :sha256, :now, :now)
					on conflict (account_id) do update set banner_key = excluded.banner_key,
					  banner_content_type = excluded.banner_content_type, banner_size = excluded.banner_size,
					  banner_sha256 = excluded.banner_sha256, banner_updated_at = excluded.banner_updated_at,
					  updated_at = excluded.updated_at""")
				.param("id", creator.value())
				.param("key", blob == null ? null : blob.key())
				.param("type", type)
				.param("size", blob == null ? null : blob.size())
				.param("sha256", blob == null ? null : blob.sha256())
				.param("now", Timestamp.from(clock.instant()))
				.update();
			return previous;
		});
	}

	/** An absolute http(s) URL with a host, as written; anything else (javascript:, data:, a bare word) is refused. */
	static String webAddress(String link) {
		if (link.length() > MAX_LINK_LENGTH || link.chars().anyMatch(c -> Character.isWhitespace(c) || c < 0x20)) {
			throw new CatalogException("profile.link.invalid", shown(link));
		}
		try {
			URI uri = new URI(link);
			String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
			if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && !uri.getHost().isEmpty()
					&& uri.getRawUserInfo() == null) {
				return link;
			}
		}
		catch (URISyntaxException ex) {
			// Refused below, as any other text that is no web address.
		}
		throw new CatalogException("profile.link.invalid", shown(link));
	}

	private static String shown(String link) {
		return link.codePointCount(0, link.length()) > 60 ? link.substring(0, link.offsetByCodePoints(0, 60)) + "…"
				: link;
	}

	/** A PostgreSQL text[] literal: every element quoted, quotes and backslashes escaped. */
	private static String arrayLiteral(List<String> values) {
		StringBuilder literal = new StringBuilder("{");
		for (int i = 0; i < values.size(); i++) {
			literal.append(i == 0 ? "" : ",").append('"')
				.append(values.get(i).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
		}
		return literal.append('}').toString();
	}

	private void deleteQuietly(String key) {
		try {
			store.delete(key);
		}
		catch (IOException | RuntimeException ex) {
			log.warn("Could not delete blob {}; it is unreferenced and can be removed by hand", key, ex);
		}
	}
}
