package io.reelgate.torrents;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.reelgate.catalog.FileView;
import io.reelgate.torrents.PieceHashes.FileHashes;
import org.jspecify.annotations.Nullable;

/**
 * A bundle's v1 info dictionary (BEP 3): always the multi-file form, {@code private} = 1 (BEP 27), a fixed piece
 * length, and after each file whose size is not a multiple of it a pad file (BEP 47, {@code attr} "p", path
 * {@code .pad/N}) so that the next file starts on a piece boundary. Its pieces are then the files' own piece
 * hashes one after another; a last partial piece is hashed padded with zeros, except the very last.
 *
 * @param info the bencoded info dictionary, the bytes the info-hash is taken of
 * @param entries the file table as web-seed clients ask for it: {@code name/path} for each file and pad file
 */
record TorrentLayout(String name, byte[] info, byte[] infoHash, long totalSize, List<Entry> entries) {

	static final String PAD_FOLDER = ".pad";

	/** One path of the torrent: a bundle file, or zeros ({@code fileId} null). */
	record Entry(String path, @Nullable UUID fileId, long length) {

		boolean pad() {
			return fileId == null;
		}
	}

	/** The layout of these files in this order, or empty while any of them has no finished piece hashes. */
	static Optional<TorrentLayout> of(String title, List<FileView> files, Map<UUID, FileHashes> hashes) {
		if (files.isEmpty()) {
			return Optional.empty();
		}
		String name = SafeNames.of(title);
		SafeNames.Unique names = new SafeNames.Unique();
		ByteArrayOutputStream pieces = new ByteArrayOutputStream();
		List<Object> fileList = new ArrayList<>();
		Map<String, Entry> entries = new LinkedHashMap<>();
		long total = 0;
		for (int i = 0; i < files.size(); i++) {
			FileView file = files.get(i);
			FileHashes fileHashes = hashes.get(file.id().value());
			if (fileHashes == null || !fileHashes.completeFor(file.size(), PieceHasher.PIECE_LENGTH)) {
				return Optional.empty();
			}
			boolean last = i == files.size() - 1;
			pieces.writeBytes(fileHashes.pieces());
			String path = names.of(file.name());
			fileList.add(Map.of("length", file.size(), "path", List.of(path)));
			entries.put(name + "/" + path, new Entry(name + "/" + path, file.id().value(), file.size()));
			total += file.size();
			long tail = file.size() % PieceHasher.PIECE_LENGTH;
			if (tail > 0) {
				pieces.writeBytes(last ? fileHashes.tailAlone() : fileHashes.tailPadded());
				if (!last) {
					long pad = PieceHasher.PIECE_LENGTH - tail;
					fileList.add(Map.of("attr", "p", "length", pad, "path", List.of(PAD_FOLDER, Long.toString(pad))));
					String padPath = name + "/" + PAD_FOLDER + "/" + pad;
					entries.putIfAbsent(padPath, new Entry(padPath, null, pad));
					total += pad;
				}
			}
		}
		byte[] info = Bencode.encode(Map.of("files", fileList, "name", name, "piece length",
				PieceHasher.PIECE_LENGTH, "pieces", pieces.toByteArray(), "private", 1));
		return Optional.of(new TorrentLayout(name, info, sha1(info), total, List.copyOf(entries.values())));
	}

	static byte[] sha1(byte[] bytes) {
		try {
			return MessageDigest.getInstance("SHA-1").digest(bytes);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JDK has SHA-1", ex);
		}
	}
}
