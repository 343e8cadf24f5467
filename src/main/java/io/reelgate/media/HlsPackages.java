package io.reelgate.media;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import io.reelgate.catalog.StreamingStates.StreamingState;
import io.reelgate.shared.BundleFileId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The packages' rows: a queue that survives restarts and is shared by every instance. A run claims a file with a
 * fresh id and a lease it renews as it reports progress; every later write names the claim, so a run whose lease
 * lapsed (and whose file another instance took over) can no longer change anything.
 */
@Service
@Transactional
class HlsPackages {

	private final JdbcClient jdbc;

	private final Clock clock;

	HlsPackages(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** A stored rendition: its blob and how to describe it. */
	record StoredRendition(String name, String playlist, String blobKey, long size, String sha256, String contentType,
			Instant createdAt) {
	}

	/** Queues a file that has no package yet, or whose packaging failed; a package queued, running or ready stays. */
	void queue(BundleFileId file) {
		jdbc.sql("""
				insert into hls_packages (file_id, state, updated_at) values (?, 'QUEUED', ?)
				on conflict (file_id) do update set state = 'QUEUED', progress = 0, failure = null, method = null,
				    claimed_by = null, lease_until = null, updated_at = excluded.updated_at
				where hls_packages.state = 'FAILED'""")
			.params(file.value(), now())
			.update();
	}

	/**
	 * Queues a file to be packaged again (its creator changed what the package should hold). A ready package stays
	 * served until the new one replaces it; a run under way loses its claim, so it stops and its file is packaged
	 * afresh; a file already waiting stays as it is (a retried request changes nothing). A file never queued is left
	 * alone: its probe queues it, and the run then reads the choice.
	 */
	void requeue(BundleFileId file) {
		jdbc.sql("""
				update hls_packages set state = 'QUEUED', progress = 0, failure = null, claimed_by = null,
				    lease_until = null, updated_at = ?
				where file_id = ? and state <> 'QUEUED'""")
			.params(now(), file.value())
			.update();
	}

	/**
	 * Claims the file that has waited longest: queued, or left packaging by a run whose lease lapsed. Rows another
	 * instance is claiming at the same moment are skipped, not waited for.
	 */
	Optional<Claim> claimNext(Duration lease) {
		UUID claim = UUID.randomUUID();
		return jdbc.sql("""
				update hls_packages set state = 'PACKAGING', progress = 0, claimed_by = ?, lease_until = ?, updated_at = ?
				where file_id = (select file_id from hls_packages
				                 where state = 'QUEUED' or (state = 'PACKAGING' and lease_until < ?)
				                 order by updated_at limit 1 for update skip locked)
				returning file_id""")
			.params(claim, now().plus(lease), now(), now())
			.query(UUID.class)
			.optional()
			.map(file -> new Claim(new BundleFileId(file), claim));
	}

	/** A run's hold on one file. */
	record Claim(BundleFileId file, UUID id) {
	}

	/** Records progress and renews the lease; {@code false} if the claim is no longer this run's. */
	boolean progress(Claim claim, int percent, Duration lease) {
		return jdbc.sql("""
				update hls_packages set progress = ?, lease_until = ?, updated_at = ?
				where file_id = ? and claimed_by = ? and state = 'PACKAGING'""")
			.params(percent, now().plus(lease), now(), claim.file().value(), claim.id())
			.update() == 1;
	}

	/**
	 * Marks the package ready with its renditions, all at once, replacing those of the package made before (which
	 * was served until now); returns the keys of the replaced renditions' blobs, for the caller to delete after
	 * commit. Empty (and nothing written) if the claim is no longer this run's, for the caller to delete the blobs it
	 * stored.
	 */
	Optional<List<String>> complete(Claim claim, String method, String master, List<StoredRendition> renditions) {
		int updated = jdbc.sql("""
				update hls_packages set state = 'READY', progress = 100, method = ?, master_playlist = ?, failure = null,
				    claimed_by = null, lease_until = null, updated_at = ?
				where file_id = ? and claimed_by = ? and state = 'PACKAGING'""")
			.params(method, master, now(), claim.file().value(), claim.id())
			.update();
		if (updated == 0) {
			return Optional.empty();
		}
		List<String> replaced = jdbc.sql("delete from hls_renditions where file_id = ? returning blob_key")
			.param(claim.file().value())
			.query(String.class)
			.list();
		for (StoredRendition rendition : renditions) {
			jdbc.sql("""
					insert into hls_renditions (file_id, name, playlist, blob_key, size, sha256, content_type, created_at)
					values (?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(claim.file().value(), rendition.name(), rendition.playlist(), rendition.blobKey(),
						rendition.size(), rendition.sha256(), rendition.contentType(),
						rendition.createdAt().atOffset(ZoneOffset.UTC))
				.update();
		}
		return Optional.of(replaced);
	}

	/** Marks the package failed with a reason for the creator. */
	void fail(Claim claim, String reason) {
		jdbc.sql("""
				update hls_packages set state = 'FAILED', failure = ?, claimed_by = null, lease_until = null,
				    updated_at = ?
				where file_id = ? and claimed_by = ? and state = 'PACKAGING'""")
			.params(reason, now(), claim.file().value(), claim.id())
			.update();
	}

	/** Gives the file back to the queue (the store was unavailable, say), for any instance to try again later. */
	void release(Claim claim) {
		jdbc.sql("""
				update hls_packages set state = 'QUEUED', progress = 0, claimed_by = null, lease_until = null,
				    updated_at = ?
				where file_id = ? and claimed_by = ? and state = 'PACKAGING'""")
			.params(now(), claim.file().value(), claim.id())
			.update();
	}

	/** Forgets a file's package (its file is gone) and returns the keys of the blobs to delete after commit. */
	List<String> forget(BundleFileId file) {
		List<String> keys = jdbc.sql("select blob_key from hls_renditions where file_id = ?")
			.param(file.value())
			.query(String.class)
			.list();
		jdbc.sql("delete from hls_packages where file_id = ?").param(file.value()).update();
		return keys;
	}

	/** Packages whose file no longer exists in the catalog, a batch at a time. */
	@Transactional(readOnly = true)
	List<BundleFileId> withoutFile(int limit) {
		return jdbc.sql("""
				select p.file_id from hls_packages p
				where not exists (select 1 from bundle_files f where f.id = p.file_id) limit ?""")
			.param(limit)
			.query(UUID.class)
			.list()
			.stream()
			.map(BundleFileId::new)
			.toList();
	}

	@Transactional(readOnly = true)
	Map<BundleFileId, StreamingState> states(Collection<BundleFileId> files) {
		if (files.isEmpty()) {
			return Map.of();
		}
		return jdbc.sql("""
				select file_id, state, progress, failure, master_playlist is not null as playing from hls_packages
				where file_id in (:ids)""")
			.param("ids", files.stream().map(BundleFileId::value).toList())
			.query((rs, n) -> Map.entry(new BundleFileId(rs.getObject("file_id", UUID.class)),
					new StreamingState(rs.getString("state"), rs.getInt("progress"), rs.getString("failure"),
							rs.getBoolean("playing"))))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	/** The master playlist of the package served: the one ready, or while the file is packaged again, the one before. */
	@Transactional(readOnly = true)
	Optional<String> master(BundleFileId file) {
		return jdbc.sql("select master_playlist from hls_packages where file_id = ? and master_playlist is not null")
			.param(file.value())
			.query(String.class)
			.optional();
	}

	@Transactional(readOnly = true)
	Optional<StoredRendition> rendition(BundleFileId file, String name) {
		return jdbc.sql("""
				select r.name, r.playlist, r.blob_key, r.size, r.sha256, r.content_type, r.created_at
				from hls_renditions r join hls_packages p on p.file_id = r.file_id
				where r.file_id = ? and r.name = ? and p.master_playlist is not null""")
			.params(file.value(), name)
			.query((rs, n) -> new StoredRendition(rs.getString("name"), rs.getString("playlist"),
					rs.getString("blob_key"), rs.getLong("size"), rs.getString("sha256"), rs.getString("content_type"),
					rs.getTimestamp("created_at").toInstant()))
			.optional();
	}

	private OffsetDateTime now() {
		return clock.instant().atOffset(ZoneOffset.UTC);
	}
}
