package io.reelgate.media;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import io.reelgate.catalog.StreamingStates;
import io.reelgate.shared.BundleFileId;
import io.reelgate.storage.BlobDownload;

import org.springframework.stereotype.Service;

/**
 * The HLS packages of files, for whoever serves them once they have decided who may watch: the master playlist, each
 * rendition's media playlist and its fMP4 file as a blob download (byte ranges, sendfile, the object store's path).
 * Playlists refer to renditions by relative names, so they are served as stored, under any signed path.
 */
@Service
public class HlsStreams implements StreamingStates {

	/** The names {@link HlsPlan} gives renditions; anything else is not asked for by a playlist of ours. */
	private static final Pattern RENDITION = Pattern.compile("a|v[0-9]{2,4}");

	public static final String PLAYLIST_TYPE = "application/vnd.apple.mpegurl";

	private final HlsPackages packages;

	HlsStreams(HlsPackages packages) {
		this.packages = packages;
	}

	/** The master playlist, once the file's package is ready. */
	public Optional<String> master(BundleFileId file) {
		return packages.master(file);
	}

	/** A rendition's media playlist, by the name the master playlist gives it ({@code v720}). */
	public Optional<String> playlist(BundleFileId file, String rendition) {
		return RENDITION.matcher(rendition).matches()
				? packages.rendition(file, rendition).map(HlsPackages.StoredRendition::playlist) : Optional.empty();
	}

	/** A rendition's fMP4 file, to send with {@code cacheControl}. */
	public Optional<BlobDownload> segments(BundleFileId file, String rendition, String cacheControl) {
		if (!RENDITION.matcher(rendition).matches()) {
			return Optional.empty();
		}
		return packages.rendition(file, rendition)
			.map(r -> new BlobDownload(r.blobKey(), r.size(), r.sha256(), r.createdAt(), r.contentType(),
					r.name() + ".m4s", false, cacheControl));
	}

	public boolean ready(BundleFileId file) {
		return packages.master(file).isPresent();
	}

	@Override
	public Map<BundleFileId, StreamingState> of(Collection<BundleFileId> files) {
		return packages.states(files);
	}
}
