package io.reelgate.media;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.reelgate.catalog.CaptionTracks;
import io.reelgate.catalog.CaptionView;
import io.reelgate.catalog.Catalog;
import io.reelgate.catalog.MediaInfo;
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
	private static final Pattern RENDITION = Pattern.compile("a[1-7]?|[vo][0-9]{2,4}");

	public static final String PLAYLIST_TYPE = "application/vnd.apple.mpegurl";

	/** A caption file's rendition: {@code s-} and its id. */
	private static final Pattern SUBTITLES = Pattern.compile("s-([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})");

	private final HlsPackages packages;

	private final CaptionTracks captions;

	private final Catalog catalog;

	HlsStreams(HlsPackages packages, CaptionTracks captions, Catalog catalog) {
		this.packages = packages;
		this.captions = captions;
		this.catalog = catalog;
	}

	/**
	 * The master playlist, once the file's package is ready, with a subtitle rendition for each of its caption files
	 * as they are now (captions come and go after packaging, so they are added here, not stored in the package).
	 */
	public Optional<String> master(BundleFileId file) {
		return packages.master(file).map(master -> HlsPlaylists.withSubtitles(master, captions.of(file)));
	}

	/**
	 * A rendition's media playlist, by the name the master playlist gives it: {@code v720}, or {@code s-<id>} for a
	 * caption file's, one WebVTT segment as long as the film.
	 */
	public Optional<String> playlist(BundleFileId file, String rendition) {
		Matcher subtitles = SUBTITLES.matcher(rendition);
		if (subtitles.matches()) {
			Optional<Long> duration = catalog.file(file)
				.map(owned -> owned.file().media())
				.map(MediaInfo::durationMillis);
			return caption(file, subtitles.group(1))
				.flatMap(caption -> duration.map(millis -> HlsPlaylists.subtitles(rendition, millis)));
		}
		return RENDITION.matcher(rendition).matches()
				? packages.rendition(file, rendition).map(HlsPackages.StoredRendition::playlist) : Optional.empty();
	}

	/**
	 * A caption file as WebVTT ({@code s-<id>}, the name its subtitle playlist refers to, also the {@code <track>}
	 * of progressive playback), to send with {@code cacheControl}.
	 */
	public Optional<BlobDownload> captions(BundleFileId file, String name, String cacheControl) {
		Matcher subtitles = SUBTITLES.matcher(name);
		if (!subtitles.matches()) {
			return Optional.empty();
		}
		return caption(file, subtitles.group(1))
			.map(c -> new BlobDownload(c.blobKey(), c.size(), c.sha256(), c.createdAt(), CaptionView.CONTENT_TYPE,
					name + ".vtt", false, cacheControl));
	}

	private Optional<CaptionView> caption(BundleFileId file, String id) {
		return captions.find(file, UUID.fromString(id));
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
