package io.reelgate.torrents;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Each file's SHA-1 piece hashes (see V28), and how far the hashing of a file has got. */
@Repository
class PieceHashes {

	private final JdbcClient jdbc;

	private final Clock clock;

	PieceHashes(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * A file's hashes so far: the full pieces of its first {@code hashedBytes}; once those are all its bytes, the
	 * hashes of its last partial piece too (null when its size is a multiple of the piece length).
	 */
	record FileHashes(UUID fileId, int pieceLength, long hashedBytes, byte[] pieces, byte @Nullable [] tailAlone,
			byte @Nullable [] tailPadded) {

		boolean completeFor(long size, int wantedPieceLength) {
			return pieceLength == wantedPieceLength && hashedBytes == size;
		}
	}

	/** A stored file whose hashes are missing or unfinished. */
	record Unhashed(UUID fileId, String storageKey, long size) {
	}

	Optional<FileHashes> of(UUID fileId) {
		return of(List.of(fileId)).values().stream().findFirst();
	}

	Map<UUID, FileHashes> of(Collection<UUID> fileIds) {
		if (fileIds.isEmpty()) {
			return Map.of();
		}
		return jdbc.sql("""
				select file_id, piece_length, hashed_bytes, pieces, tail_alone, tail_padded
				from torrent_piece_hashes where file_id in (:ids)
				""")
			.param("ids", List.copyOf(fileIds))
			.query((rs, n) -> new FileHashes(rs.getObject("file_id", UUID.class), rs.getInt("piece_length"),
					rs.getLong("hashed_bytes"), rs.getBytes("pieces"), rs.getBytes("tail_alone"),
					rs.getBytes("tail_padded")))
			.list()
			.stream()
			.collect(Collectors.toMap(FileHashes::fileId, h -> h));
	}

	/** Saves progress or the finished hashes; does nothing if the file was deleted meanwhile. */
	void save(FileHashes hashes) {
		jdbc.sql("""
				insert into torrent_piece_hashes (file_id, piece_length, hashed_bytes, pieces, tail_alone, tail_padded,
				    updated_at)
				select :id, :pieceLength, :hashed, :pieces, :alone, :padded, :now
				where exists (select 1 from bundle_files where id = :id)
				on conflict (file_id) do update set piece_length = excluded.piece_length,
				    hashed_bytes = excluded.hashed_bytes, pieces = excluded.pieces, tail_alone = excluded.tail_alone,
				    tail_padded = excluded.tail_padded, updated_at = excluded.updated_at
				""")
			.param("id", hashes.fileId())
			.param("pieceLength", hashes.pieceLength())
			.param("hashed", hashes.hashedBytes())
			.param("pieces", hashes.pieces())
			.param("alone", hashes.tailAlone())
			.param("padded", hashes.tailPadded())
			.param("now", Timestamp.from(clock.instant()))
			.update();
	}

	/**
	 * Stored files without finished hashes, oldest first, leaving out those whose last failure is not to be tried
	 * again yet ({@link HashFailures}). It reads the catalog's table directly: the catalog has no query for every
	 * stored file, and this only reads ids, keys and sizes.
	 */
	List<Unhashed> backlog(int pieceLength, int limit) {
		return jdbc.sql("""
				select f.id, f.storage_key, f.size_bytes from bundle_files f
				left join torrent_piece_hashes h on h.file_id = f.id
				where (h.file_id is null or h.hashed_bytes < f.size_bytes or h.piece_length <> :pieceLength)
				  and not exists (select 1 from torrent_hash_failures x
				                  where x.file_id = f.id and (x.retry_at is null or x.retry_at > :now))
				order by f.created_at, f.id limit :limit
				""")
			.param("pieceLength", pieceLength)
			.param("now", Timestamp.from(clock.instant()))
			.param("limit", limit)
			.query((rs, n) -> new Unhashed(rs.getObject("id", UUID.class), rs.getString("storage_key"),
					rs.getLong("size_bytes")))
			.list();
	}
}
