package io.reelgate.torrents;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import io.reelgate.shared.BundleId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Bytes delivered by BitTorrent per bundle and day ({@code torrent_transfer}, V28 and V31): announces add the growth
 * of peers' counters ({@link Peers#upsert}), the web seed what it sent.
 */
@Repository
class TorrentFigures {

	private final JdbcClient jdbc;

	TorrentFigures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A bundle's figures, for the admin page's list. */
	record BundleTransfer(BundleId bundle, String title, Transfer transfer) {
	}

	void addWebSeed(BundleId bundle, Instant at, long bytes) {
		if (bytes == 0) {
			return;
		}
		jdbc.sql("""
				insert into torrent_transfer (bundle_id, day, web_seed) values (?, ?, ?)
				on conflict (bundle_id, day) do update set web_seed = torrent_transfer.web_seed + excluded.web_seed
				""")
			.params(bundle.value(), LocalDate.ofInstant(at, ZoneOffset.UTC), bytes)
			.update();
	}

	Transfer of(BundleId bundle) {
		return jdbc.sql("""
				select coalesce(sum(downloaded), 0) as downloaded, coalesce(sum(uploaded), 0) as uploaded,
				       coalesce(sum(web_seed), 0) as web_seed
				from torrent_transfer where bundle_id = ?
				""")
			.param(bundle.value())
			.query(TorrentFigures::transfer)
			.single();
	}

	Transfer platform() {
		return jdbc.sql("""
				select coalesce(sum(downloaded), 0) as downloaded, coalesce(sum(uploaded), 0) as uploaded,
				       coalesce(sum(web_seed), 0) as web_seed
				from torrent_transfer
				""")
			.query(TorrentFigures::transfer)
			.single();
	}

	/**
	 * The bundles that delivered the most, largest first. It reads the catalog's titles directly, as the backlog of
	 * {@link PieceHashes} reads its files: one join instead of a call per bundle.
	 */
	List<BundleTransfer> busiest(int limit) {
		return jdbc.sql("""
				select t.bundle_id, b.title, sum(t.downloaded) as downloaded, sum(t.uploaded) as uploaded,
				       sum(t.web_seed) as web_seed
				from torrent_transfer t join bundles b on b.id = t.bundle_id
				group by t.bundle_id, b.title
				order by greatest(sum(t.downloaded), sum(t.web_seed)) desc, t.bundle_id limit ?
				""")
			.param(limit)
			.query((rs, n) -> new BundleTransfer(new BundleId(rs.getObject("bundle_id", UUID.class)),
					rs.getString("title"), transfer(rs, n)))
			.list();
	}

	private static Transfer transfer(ResultSet rs, int row) throws SQLException {
		return new Transfer(rs.getLong("downloaded"), rs.getLong("uploaded"), rs.getLong("web_seed"));
	}
}
