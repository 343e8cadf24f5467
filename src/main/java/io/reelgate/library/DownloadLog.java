package io.reelgate.library;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;

import io.reelgate.catalog.FileView;
import io.reelgate.shared.AccountId;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Who downloaded which file, when and from which address: the access log a seller shows as evidence when a buyer
 * disputes a payment ("access_activity_log" in Stripe's dispute evidence).
 */
@Repository
public class DownloadLog {

	private final JdbcClient jdbc;

	private final Clock clock;

	DownloadLog(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public void record(AccountId account, FileView file, String clientIp, @Nullable String range) {
		jdbc.sql("""
				insert into download_log (id, account_id, file_id, bundle_id, client_ip, range_header, downloaded_at)
				values (?, ?, ?, ?, ?, ?, ?)
				""")
			.params(UUID.randomUUID(), account.value(), file.id().value(), file.bundleId().value(), clientIp,
					range == null ? null : range.substring(0, Math.min(range.length(), 100)),
					Timestamp.from(clock.instant()))
			.update();
	}
}
