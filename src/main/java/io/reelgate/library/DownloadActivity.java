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

import io.reelgate.shared.AccountId;
import io.reelgate.shared.BundleFileId;
import io.reelgate.shared.BundleId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reports over the download log: counts per bundle for creators, and links that look shared for admins. */
@Service
@Transactional(readOnly = true)
public class DownloadActivity {

	private final JdbcClient jdbc;

	private final Clock clock;

	DownloadActivity(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
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
		return jdbc.sql("""
				select a.bundle_id, b.owner_id, a.day, count(distinct (a.file_id, a.account_id)) as downloads
				from download_activity a join bundles b on b.id = a.bundle_id
				where a.day in (:days) group by a.bundle_id, b.owner_id, a.day
				""")
			.param("days", List.copyOf(days))
			.query((rs, n) -> new DailyDownloads(new BundleId(rs.getObject("bundle_id", UUID.class)),
					new AccountId(rs.getObject("owner_id", UUID.class)), rs.getObject("day", LocalDate.class),
					rs.getLong("downloads")))
			.list();
	}

	/**
	 * Signed links fetched from at least {@code minAddresses} client addresses within the last {@code within},
	 * most addresses first: a buyer's link passed around. A download manager or a phone switching networks
	 * accounts for two or three.
	 */
	@PreAuthorize("hasRole('ADMIN')")
	public List<SharedLink> linksFromManyAddresses(int minAddresses, Duration within) {
		return jdbc.sql("""
				select a.file_id, a.account_id, a.link_expires_at, acc.email, f.display_name, a.bundle_id,
				       count(distinct a.client_ip) as addresses, sum(a.requests) as requests,
				       sum(a.bytes_served) as bytes, max(a.last_at) as last_at
				from download_activity a
				join accounts acc on acc.id = a.account_id
				join bundle_files f on f.id = a.file_id
				where a.last_at >= :since and a.link_expires_at > :noLink
				group by a.file_id, a.account_id, a.link_expires_at, acc.email, f.display_name, a.bundle_id
				having count(distinct a.client_ip) >= :min
				order by addresses desc, last_at desc
				limit 100
				""")
			.param("since", Timestamp.from(clock.instant().minus(within)))
			.param("noLink", Timestamp.from(DownloadLog.NO_LINK))
			.param("min", minAddresses)
			.query((rs, n) -> new SharedLink(new BundleFileId(rs.getObject("file_id", UUID.class)),
					rs.getString("display_name"), new BundleId(rs.getObject("bundle_id", UUID.class)),
					new AccountId(rs.getObject("account_id", UUID.class)), rs.getString("email"),
					rs.getTimestamp("link_expires_at").toInstant(), rs.getLong("addresses"), rs.getLong("requests"),
					rs.getLong("bytes"), rs.getTimestamp("last_at").toInstant()))
			.list();
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
