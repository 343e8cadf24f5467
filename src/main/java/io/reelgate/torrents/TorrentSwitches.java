package io.reelgate.torrents;

import java.sql.Timestamp;
import java.time.Clock;

import io.reelgate.catalog.Catalog;
import io.reelgate.shared.AccountId;
import io.reelgate.shared.BundleId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A creator's per-bundle BitTorrent switch ({@code torrent_disabled_bundles}). Off, the library stops offering the
 * torrent and {@link TorrentAccess} refuses announces and web-seed requests within its cache's lifetime. Only the
 * bundle's creator may flip it: for anyone else the bundle does not exist, as in the rest of the studio.
 */
@Service
@Transactional
class TorrentSwitches {

	private final Catalog catalog;

	private final JdbcClient jdbc;

	private final Clock clock;

	TorrentSwitches(Catalog catalog, JdbcClient jdbc, Clock clock) {
		this.catalog = catalog;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Turns BitTorrent on or off for the creator's bundle; repeating a switch changes nothing. */
	void set(AccountId creator, BundleId bundle, boolean enabled) {
		catalog.editable(creator, bundle);
		if (enabled) {
			jdbc.sql("delete from torrent_disabled_bundles where bundle_id = ?").param(bundle.value()).update();
		}
		else {
			jdbc.sql("""
					insert into torrent_disabled_bundles (bundle_id, disabled_at) values (?, ?)
					on conflict (bundle_id) do nothing
					""")
				.params(bundle.value(), Timestamp.from(clock.instant()))
				.update();
		}
	}
}
