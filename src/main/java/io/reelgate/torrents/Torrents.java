package io.reelgate.torrents;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.reelgate.catalog.BundleDetails;
import io.reelgate.shared.BundleId;
import io.reelgate.torrents.TorrentLayout.Entry;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The torrents made of bundles, one per distinct info dictionary. Asking for a bundle's current torrent makes it
 * on first use from the files' piece hashes; buyers asking at the same time, on any instance, get the same one.
 */
@Service
@Transactional
class Torrents {

	private final JdbcClient jdbc;

	private final PieceHashes hashes;

	private final Clock clock;

	Torrents(JdbcClient jdbc, PieceHashes hashes, Clock clock) {
		this.jdbc = jdbc;
		this.hashes = hashes;
		this.clock = clock;
	}

	/** A stored torrent: its id, bundle, info-hash and the exact bytes of its info dictionary. */
	record Torrent(UUID id, BundleId bundle, byte[] infoHash, byte[] info, String name) {
	}

	/** The torrent of the bundle's files as they are now, or empty while some file has no piece hashes yet. */
	Optional<Torrent> current(BundleDetails bundle) {
		Optional<TorrentLayout> layout = TorrentLayout.of(bundle.summary().title(), bundle.files(),
				hashes.of(bundle.files().stream().map(f -> f.id().value()).toList()));
		return layout.map(l -> stored(bundle.summary().id(), l));
	}

	private Torrent stored(BundleId bundle, TorrentLayout layout) {
		UUID id = UUID.randomUUID();
		int inserted = jdbc.sql("""
				insert into torrents (id, bundle_id, info_hash, info, name, total_size, created_at)
				values (?, ?, ?, ?, ?, ?, ?) on conflict (info_hash) do nothing
				""")
			.params(id, bundle.value(), layout.infoHash(), layout.info(), layout.name(), layout.totalSize(),
					Timestamp.from(clock.instant()))
			.update();
		if (inserted == 1) {
			for (Entry entry : layout.entries()) {
				jdbc.sql("insert into torrent_entries (torrent_id, path, file_id, length) values (?, ?, ?, ?)")
					.params(id, entry.path(), entry.fileId(), entry.length())
					.update();
			}
			return new Torrent(id, bundle, layout.infoHash(), layout.info(), layout.name());
		}
		return byInfoHash(layout.infoHash()).orElseThrow();
	}

	@Transactional(readOnly = true)
	Optional<Torrent> byId(UUID id) {
		return jdbc.sql("select t.id, t.bundle_id, t.info_hash, t.info, t.name from torrents t where t.id = ?")
			.param(id)
			.query(Torrents::torrent)
			.optional();
	}

	@Transactional(readOnly = true)
	Optional<Torrent> byInfoHash(byte[] infoHash) {
		return jdbc.sql("select t.id, t.bundle_id, t.info_hash, t.info, t.name from torrents t where t.info_hash = ?")
			.param(infoHash)
			.query(Torrents::torrent)
			.optional();
	}

	/**
	 * The torrent's file or pad file at {@code path} ({@code name/path} as in the torrent), if it has one. The
	 * torrent's bare name is its file when it has only one: libtorrent before arvidn/libtorrent#8558 (Debian's 2.0.8
	 * among them) takes a multi-file torrent with one file for a single-file torrent and asks for
	 * {@code <url-list><name>} (arvidn/libtorrent#3519). A bare name never collides with a real entry, which always
	 * has a slash after the name.
	 */
	@Transactional(readOnly = true)
	Optional<Entry> entry(Torrent torrent, String path) {
		Optional<Entry> exact = jdbc.sql("select path, file_id, length from torrent_entries where torrent_id = ? and path = ?")
			.params(torrent.id(), path)
			.query(Torrents::entry)
			.optional();
		if (exact.isPresent() || !path.equals(torrent.name())) {
			return exact;
		}
		List<Entry> all = jdbc.sql("select path, file_id, length from torrent_entries where torrent_id = ? limit 2")
			.param(torrent.id())
			.query(Torrents::entry)
			.list();
		return all.size() == 1 ? Optional.of(all.get(0)) : Optional.empty();
	}

	private static Entry entry(ResultSet rs, int row) throws SQLException {
		return new Entry(rs.getString("path"), rs.getObject("file_id", UUID.class), rs.getLong("length"));
	}

	private static Torrent torrent(ResultSet rs, int row) throws SQLException {
		return new Torrent(rs.getObject("id", UUID.class), new BundleId(rs.getObject("bundle_id", UUID.class)),
				rs.getBytes("info_hash"), rs.getBytes("info"), rs.getString("name"));
	}
}
