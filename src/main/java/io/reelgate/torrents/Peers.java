package io.reelgate.torrents;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import io.reelgate.shared.AccountId;
import io.reelgate.shared.BundleId;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
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

	/** How much a peer's counters grew since its previous announce: what the bundle's transfer figures gain. */
	record Growth(long uploaded, long downloaded) {
	}

	/**
	 * Stores an announce, adds the growth of the peer's counters since its previous one to the bundle's day, and
	 * returns that growth, in one statement. One statement is one transaction, so nothing is stored half, and it
	 * takes one round trip and no transaction of the caller's: every announce of a release-day swarm runs this. A
	 * client's counters restart with its session, so a counter lower than the stored one is a new session, counted
	 * from zero. Two announces of one peer at once are counted once each: the upsert computes the growth from the
	 * row it replaces, which is the latest committed one, under its lock.
	 * <p>
	 * The commit does not wait for the disk ({@code synchronous_commit} off for this statement's transaction, set
	 * inside it): an announce writes a peer's whereabouts and counters, which the peer sends again at its next
	 * announce, so a crash may lose the last fraction of a second of them and never leaves them inconsistent, while
	 * waiting for the disk on every announce would cap the tracker at the disk's flush rate.
	 */
	Growth upsert(Announced peer) {
		return announceStatement("""
				grown as (
				    insert into torrent_peers (info_hash, account_id, peer_id, bundle_id, address, port, uploaded,
				        downloaded, left_bytes, updated_at, uploaded_growth, downloaded_growth)
				    values (:hash, :account, :peer, :bundle, :address, :port, :uploaded, :downloaded, :left, :at,
				        :uploaded, :downloaded)
				    on conflict (info_hash, account_id, peer_id) do update set address = excluded.address,
				        port = excluded.port, uploaded = excluded.uploaded, downloaded = excluded.downloaded,
				        left_bytes = excluded.left_bytes, updated_at = excluded.updated_at,
				        uploaded_growth = case when excluded.uploaded >= torrent_peers.uploaded
				            then excluded.uploaded - torrent_peers.uploaded else excluded.uploaded end,
				        downloaded_growth = case when excluded.downloaded >= torrent_peers.downloaded
				            then excluded.downloaded - torrent_peers.downloaded else excluded.downloaded end
				    returning uploaded_growth, downloaded_growth),
				""", peer);
	}

	/** A {@code stopped} announce: removes the peer and counts its last growth, as {@link #upsert} does. */
	Growth remove(Announced peer) {
		return announceStatement("""
				removed as (
				    delete from torrent_peers where info_hash = :hash and account_id = :account and peer_id = :peer
				    returning uploaded, downloaded),
				grown as (
				    select case when :uploaded >= coalesce(r.uploaded, 0) then :uploaded - coalesce(r.uploaded, 0)
				               else :uploaded end as uploaded_growth,
				           case when :downloaded >= coalesce(r.downloaded, 0) then :downloaded - coalesce(r.downloaded, 0)
				               else :downloaded end as downloaded_growth
				    from settings left join removed r on true),
				""", peer);
	}

	/**
	 * One announce statement: {@code synchronous_commit} off for it, the caller's common table expressions, which
	 * end in {@code grown} (the growth of the peer's counters), then that growth added to the bundle's day and
	 * returned.
	 */
	private Growth announceStatement(String grown, Announced peer) {
		return jdbc.sql("with settings as (select set_config('synchronous_commit', 'off', true)),\n" + grown + """
				counted as (
				    insert into torrent_transfer (bundle_id, day, uploaded, downloaded)
				    select cast(:bundle as uuid), cast(:day as date), uploaded_growth, downloaded_growth from grown
				    where uploaded_growth > 0 or downloaded_growth > 0
				    on conflict (bundle_id, day) do update set uploaded = torrent_transfer.uploaded + excluded.uploaded,
				        downloaded = torrent_transfer.downloaded + excluded.downloaded)
				select uploaded_growth, downloaded_growth from grown, settings
				""")
			.paramSource(parameters(peer))
			.query((rs, n) -> new Growth(rs.getLong("uploaded_growth"), rs.getLong("downloaded_growth")))
			.single();
	}

	private static MapSqlParameterSource parameters(Announced peer) {
		return new MapSqlParameterSource().addValue("hash", peer.infoHash())
			.addValue("account", peer.account().value())
			.addValue("peer", peer.peerId())
			.addValue("bundle", peer.bundle().value())
			.addValue("address", peer.address())
			.addValue("port", peer.port())
			.addValue("uploaded", peer.uploaded())
			.addValue("downloaded", peer.downloaded())
			.addValue("left", peer.left())
			.addValue("at", Timestamp.from(peer.at()))
			.addValue("day", LocalDate.ofInstant(peer.at(), ZoneOffset.UTC));
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
