package io.reelgate.torrents;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.reelgate.shared.AccountId;
import io.reelgate.shared.BundleId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The tracker's swarms (see V28), in PostgreSQL so that every instance answers alike. */
@Repository
class Peers {

	private final JdbcClient jdbc;

	Peers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** One announce's facts about a peer. */
	record Announced(byte[] infoHash, AccountId account, byte[] peerId, BundleId bundle, byte[] address, int port,
			long uploaded, long downloaded, long left, Instant at) {
	}

	/** A peer to hand out: whose it is (to check their access) and where to reach it. */
	record Peer(AccountId account, byte[] address, int port) {
	}

	/** How many fresh peers have everything and how many are still downloading. */
	record Counts(long complete, long incomplete) {
	}

	/**
	 * Lets this transaction's commit return before its WAL reaches the disk ({@code synchronous_commit = off} for
	 * this transaction only). An announce's writes are a peer's whereabouts and byte counters, which the peer sends
	 * again at its next announce: a crash may lose the last fraction of a second of them and never leaves them
	 * inconsistent, while waiting for the disk on every announce would cap the tracker at the disk's flush rate.
	 */
	void commitWithoutWaitingForTheDisk() {
		jdbc.sql("set local synchronous_commit = off").update();
	}

	/** The counters the peer last announced, locked until the caller's transaction ends. */
	Optional<long[]> lockPrevious(Announced peer) {
		return jdbc.sql("""
				select uploaded, downloaded from torrent_peers
				where info_hash = ? and account_id = ? and peer_id = ? for update
				""")
			.params(peer.infoHash(), peer.account().value(), peer.peerId())
			.query((rs, n) -> new long[] { rs.getLong("uploaded"), rs.getLong("downloaded") })
			.optional();
	}

	void upsert(Announced peer) {
		jdbc.sql("""
				insert into torrent_peers (info_hash, account_id, peer_id, bundle_id, address, port, uploaded,
				    downloaded, left_bytes, updated_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (info_hash, account_id, peer_id) do update set address = excluded.address,
				    port = excluded.port, uploaded = excluded.uploaded, downloaded = excluded.downloaded,
				    left_bytes = excluded.left_bytes, updated_at = excluded.updated_at
				""")
			.params(peer.infoHash(), peer.account().value(), peer.peerId(), peer.bundle().value(), peer.address(),
					peer.port(), peer.uploaded(), peer.downloaded(), peer.left(), Timestamp.from(peer.at()))
			.update();
	}

	void remove(Announced peer) {
		jdbc.sql("delete from torrent_peers where info_hash = ? and account_id = ? and peer_id = ?")
			.params(peer.infoHash(), peer.account().value(), peer.peerId())
			.update();
	}

	/**
	 * Up to {@code limit} peers of the swarm announced since {@code since}, without the asker, read along the primary
	 * key from a random account onwards (and from the start when that runs out), so an announce reads about
	 * {@code limit} index entries however large the swarm is; {@code order by random()} would read all of it. Which
	 * peers come first depends on the gaps between random account ids, which is random enough for a peer list.
	 */
	List<Peer> fresh(Announced asker, Instant since, int limit) {
		UUID start = UUID.randomUUID();
		Timestamp after = Timestamp.from(since);
		return jdbc.sql("""
				(select account_id, address, port from torrent_peers
				 where info_hash = ? and account_id >= ? and updated_at >= ? and not (account_id = ? and peer_id = ?)
				 order by account_id, peer_id limit ?)
				union all
				(select account_id, address, port from torrent_peers
				 where info_hash = ? and account_id < ? and updated_at >= ? and not (account_id = ? and peer_id = ?)
				 order by account_id, peer_id limit ?)
				limit ?
				""")
			.params(asker.infoHash(), start, after, asker.account().value(), asker.peerId(), limit,
					asker.infoHash(), start, after, asker.account().value(), asker.peerId(), limit, limit)
			.query((rs, n) -> new Peer(new AccountId(rs.getObject("account_id", UUID.class)), rs.getBytes("address"),
					rs.getInt("port")))
			.list();
	}

	Counts counts(byte[] infoHash, Instant since) {
		return jdbc.sql("""
				select count(*) filter (where left_bytes = 0) as complete,
				       count(*) filter (where left_bytes > 0) as incomplete
				from torrent_peers where info_hash = ? and updated_at >= ?
				""")
			.params(infoHash, Timestamp.from(since))
			.query((rs, n) -> new Counts(rs.getLong("complete"), rs.getLong("incomplete")))
			.single();
	}

	/** Adds the bytes an announce reported since the peer's previous one to the bundle's day. */
	void addTransfer(BundleId bundle, Instant at, long uploaded, long downloaded) {
		if (uploaded == 0 && downloaded == 0) {
			return;
		}
		jdbc.sql("""
				insert into torrent_transfer (bundle_id, day, uploaded, downloaded) values (?, ?, ?, ?)
				on conflict (bundle_id, day) do update set uploaded = torrent_transfer.uploaded + excluded.uploaded,
				    downloaded = torrent_transfer.downloaded + excluded.downloaded
				""")
			.params(bundle.value(), LocalDate.ofInstant(at, ZoneOffset.UTC), uploaded, downloaded)
			.update();
	}

	/** Whether another account's peer (seeding or not) announced since {@code since}. */
	boolean hasPeerBesides(byte[] infoHash, AccountId account, Instant since) {
		return jdbc.sql("""
				select exists (select 1 from torrent_peers
				               where info_hash = ? and updated_at >= ? and account_id <> ?)
				""")
			.params(infoHash, Timestamp.from(since), account.value())
			.query(Boolean.class)
			.single();
	}

	int expire(Instant before) {
		return jdbc.sql("delete from torrent_peers where updated_at < ?").param(Timestamp.from(before)).update();
	}
}
