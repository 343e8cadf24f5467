package io.reelgate.torrents;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.reelgate.catalog.BundleDetails;
import io.reelgate.catalog.Catalog;
import io.reelgate.catalog.FileView;
import io.reelgate.shared.AccountId;
import io.reelgate.shared.BundleId;
import io.reelgate.torrents.HashFailures.Failure;
import io.reelgate.torrents.PieceHashes.FileHashes;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * For the studio's bundle editor ({@code @torrentStudio} in {@code torrents/studio.html}): the BitTorrent section of
 * a creator's own bundle, with the switch, each file's piece-hash state and the bytes peers carried against the web
 * seed. It checks ownership itself, so the fragment shows nothing of another creator's bundle.
 */
@Component("torrentStudio")
@Transactional(readOnly = true)
public class TorrentStudio {

	private final Catalog catalog;

	private final TorrentAccess access;

	private final PieceHashes hashes;

	private final HashFailures failures;

	private final TorrentFigures figures;

	TorrentStudio(Catalog catalog, TorrentAccess access, PieceHashes hashes, HashFailures failures,
			TorrentFigures figures) {
		this.catalog = catalog;
		this.access = access;
		this.hashes = hashes;
		this.failures = failures;
		this.figures = figures;
	}

	/**
	 * The editor's BitTorrent section.
	 *
	 * @param platformEnabled whether operators allow BitTorrent at all
	 * @param enabled whether the creator's switch for the bundle is on
	 * @param files each file's piece hashes, in the bundle's order
	 * @param transfer bytes delivered so far
	 */
	public record Panel(boolean platformEnabled, boolean enabled, List<FileState> files, Transfer transfer) {

		/** Whether every file has its piece hashes, so buyers can get the torrent. */
		public boolean ready() {
			return files.stream().allMatch(f -> f.state() == HashState.READY);
		}
	}

	/** Where the piece hashes of a file stand. */
	public enum HashState {
		READY, HASHING, FAILED
	}

	/**
	 * A file's piece hashes: {@code percent} hashed so far; for a failure, {@code reason} is MISSING, TRUNCATED or
	 * UNREADABLE.
	 */
	public record FileState(String name, HashState state, int percent, String reason) {
	}

	public Panel panel(AccountId creator, BundleId bundle) {
		BundleDetails details = catalog.editable(creator, bundle);
		List<UUID> ids = details.files().stream().map(f -> f.id().value()).toList();
		Map<UUID, FileHashes> done = hashes.of(ids);
		Map<UUID, Failure> failed = failures.of(ids);
		List<FileState> files = details.files().stream().map(f -> state(f, done.get(f.id().value()),
				failed.get(f.id().value()))).toList();
		return new Panel(access.enabled(), !access.disabledByCreator(bundle), files, figures.of(bundle));
	}

	private static FileState state(FileView file, FileHashes hashes, Failure failure) {
		if (hashes != null && hashes.completeFor(file.size(), PieceHasher.PIECE_LENGTH)) {
			return new FileState(file.name(), HashState.READY, 100, "");
		}
		if (failure != null) {
			return new FileState(file.name(), HashState.FAILED, 0, failure.reason().name());
		}
		long hashed = hashes == null || hashes.pieceLength() != PieceHasher.PIECE_LENGTH ? 0 : hashes.hashedBytes();
		return new FileState(file.name(), HashState.HASHING, (int) (100 * hashed / file.size()), "");
	}
}
