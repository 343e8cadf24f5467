package io.reelgate.library;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import io.reelgate.accounts.AccountService;
import io.reelgate.catalog.Catalog;
import io.reelgate.shared.AccountId;
import io.reelgate.shared.BundleFileId;
import io.reelgate.shared.BundleId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reports over the download log: counts per bundle for creators, and links that look shared for admins. The log is
 * library's own table; who owns a bundle, what a file is called and an account's address come from the catalog's
 * and accounts' APIs, not from joins with their tables.
 */
@Service
@Transactional(readOnly = true)
public class DownloadActivity {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Catalog catalog;

	private final AccountService accounts;

	DownloadActivity(JdbcClient jdbc, Clock clock, Catalog catalog, AccountService accounts) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.catalog = catalog;
		this.accounts = accounts;
	}

	/**
	 * For each bundle that was downloaded: how many files were fetched by how many accounts (an account fetching a
	 * file counts once however many requests, resumes or days it took) and the bytes served. Bundles nobody
	 * downloaded are absent. Creators see only their own bundles: callers pass the bundles they may show.
	 */
	public Map<BundleId, BundleDownloads> perBundle(Collection<BundleId> bundles) {
		if (bundles.isEmpty()) {
			return Map.of();
		}
		return jdbc.sql("""
				select bundle_id, count(distinct (file_id, account_id)) as downloads,
				       count(distinct account_id) as accounts, sum(bytes_served) as bytes
				from download_activity where bundle_id in (:ids) group by bundle_id
				""")
			.param("ids", bundles.stream().map(BundleId::value).toList())
			.query((rs, n) -> new BundleDownloads(new BundleId(rs.getObject("bundle_id", UUID.class)),
					rs.getLong("downloads"), rs.getLong("accounts"), rs.getLong("bytes")))
			.list()
			.stream()
			.collect(Collectors.toMap(BundleDownloads::bundle, d -> d));
	}

	/**
	 * Files fetched per bundle and UTC day on the given days, for analytics: an account fetching a file counts once a
	 * day however many requests it took.
	 */
	public List<DailyDownloads> daily(Collection<LocalDate> days) {
		if (days.isEmpty()) {
			return List.of();
		}
		record Row(BundleId bundle, LocalDate day, long downloads) {
		}
		List<Row> rows = jdbc.sql("""
				select bundle_id, day, count(distinct (file_id, account_id)) as downloads
				from download_activity where day in (:days) group by bundle_id, day
				""")
			.param("days", List.copyOf(days))
			.query((rs, n) -> new Row(new BundleId(rs.getObject("bundle_id", UUID.class)),
					rs.getObject("day", LocalDate.class), rs.getLong("downloads")))
			.list();
		Map<BundleId, AccountId> owners = catalog.owners(rows.stream().map(Row::bundle).toList());
		return rows.stream()
			.map(row -> new DailyDownloads(row.bundle(), owners.get(row.bundle()), row.day(), row.downloads()))
			.toList();
	}

	/**
	 * Signed links fetched from at least {@code minAddresses} client addresses within the last {@code within},
	 * most addresses first: a buyer's link passed around. A download manager or a phone switching networks
	 * accounts for two or three.
	 */
	@PreAuthorize("hasRole('ADMIN')")
	public List<SharedLink> linksFromManyAddresses(int minAddresses, Duration within) {
		record Row(BundleFileId file, BundleId bundle, AccountId account, Instant linkExpiresAt, long addresses,
				long requests, long bytes, Instant lastUsed) {
		}
		List<Row> rows = jdbc.sql("""
				select file_id, account_id, link_expires_at, bundle_id,
				       count(distinct client_ip) as addresses, sum(requests) as requests,
				       sum(bytes_served) as bytes, max(last_at) as last_at
				from download_activity
				where last_at >= :since and link_expires_at > :noLink
				group by file_id, account_id, link_expires_at, bundle_id
				having count(distinct client_ip) >= :min
				order by addresses desc, last_at desc
				limit 100
				""")
			.param("since", Timestamp.from(clock.instant().minus(within)))
			.param("noLink", Timestamp.from(DownloadLog.NO_LINK))
			.param("min", minAddresses)
			.query((rs, n) -> new Row(new BundleFileId(rs.getObject("file_id", UUID.class)),
					new BundleId(rs.getObject("bundle_id", UUID.class)),
					new AccountId(rs.getObject("account_id", UUID.class)),
					rs.getTimestamp("link_expires_at").toInstant(), rs.getLong("addresses"), rs.getLong("requests"),
					rs.getLong("bytes"), rs.getTimestamp("last_at").toInstant()))
			.list();
		Map<BundleFileId, String> names = catalog.fileNames(rows.stream().map(Row::file).toList());
		Map<AccountId, String> emails = accounts.emails(rows.stream().map(Row::account).toList());
		return rows.stream()
			.map(row -> new SharedLink(row.file(), names.get(row.file()), row.bundle(), row.account(),
					emails.get(row.account()), row.linkExpiresAt(), row.addresses(), row.requests(), row.bytes(),
					row.lastUsed()))
			.toList();
	}

	/** How much of one bundle was downloaded. */
	public record BundleDownloads(BundleId bundle, long downloads, long accounts, long bytes) {
	}

	/** Files of a creator's bundle fetched on one day. */
	public record DailyDownloads(BundleId bundle, AccountId creator, LocalDate day, long downloads) {
	}

	/** One signed link and how widely it was used. */
	public record SharedLink(BundleFileId file, String fileName, BundleId bundle, AccountId account, String email,
			Instant linkExpiresAt, long addresses, long requests, long bytes, Instant lastUsed) {
	}
}
