package io.reelgate.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.reelgate.catalog.MediaInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Runs ffprobe and ffmpeg on a stored file. The input is always a {@code file:} path or an {@code http(s):} URL
 * that the storage made (never a file name a creator chose), given after {@code -i}, so it cannot be read as an
 * option or as another protocol ({@code concat:}, {@code subfile,}). The files themselves are untrusted: playlists
 * and concat scripts can make ffmpeg open other files or URLs, so only the demuxers of ordinary video and audio
 * containers and only the input's own protocol are allowed.
 */
@Component
class Ffmpeg {

	private static final Logger log = LoggerFactory.getLogger(Ffmpeg.class);

	/** Demuxers of the containers films, trailers and soundtracks come in; a name matches a demuxer's aliases. */
	static final String DEMUXERS = "mov,matroska,avi,mpegts,mpeg,flv,ogg,asf,mxf,dv,wav,w64,aiff,caf,mp3,flac,aac,"
			+ "ac3,eac3,amr";

	/** The poster frame comes from a tenth into the film, far enough to miss black leaders, but no further. */
	private static final long MAX_POSTER_OFFSET_MILLIS = 10 * 60 * 1000;

	/** Wide enough for a cover; the frame keeps its aspect ratio. */
	private static final int MAX_POSTER_WIDTH = 1280;

	private final MediaTools tools;

	private final MediaProperties properties;

	Ffmpeg(MediaTools tools, MediaProperties properties) {
		this.tools = tools;
		this.properties = properties;
	}

	boolean canProbe() {
		return tools.ffprobe().isPresent();
	}

	boolean canTakePosterFrames() {
		return tools.ffmpeg().isPresent();
	}

	/** What ffprobe finds in the input; {@link MediaInfo#NONE} when it cannot read it. */
	MediaInfo probe(MediaInput input) throws IOException {
		List<String> command = new ArrayList<>(List.of(tools.ffprobe().orElseThrow().toString(), "-v", "error",
				"-print_format", "json", "-show_format", "-show_streams"));
		command.addAll(inputOptions(input));
		Processes.Result result = Processes.run(command, properties.timeout());
		if (!result.succeeded()) {
			log.info("ffprobe could not read {}: {}", input.description(), result.firstError());
			return MediaInfo.NONE;
		}
		return ProbeReport.parse(result.stdout());
	}

	/**
	 * The input's audio streams with their language and title tags, for alternative audio renditions; empty when
	 * ffprobe cannot read the input (packaging then fails with ffmpeg's own reason).
	 */
	List<AudioTrack> audioTracks(MediaInput input) throws IOException {
		List<String> command = new ArrayList<>(List.of(tools.ffprobe().orElseThrow().toString(), "-v", "error",
				"-print_format", "json", "-show_streams", "-select_streams", "a"));
		command.addAll(inputOptions(input));
		Processes.Result result = Processes.run(command, properties.timeout());
		return result.succeeded() ? ProbeReport.audioTracks(result.stdout()) : List.of();
	}

	/** A JPEG of one frame, in a temporary file the caller deletes; empty when ffmpeg could not take one. */
	Optional<Path> posterFrame(MediaInput input, MediaInfo media) throws IOException {
		long at = media.durationMillis() == null ? 0 : Math.min(media.durationMillis() / 10, MAX_POSTER_OFFSET_MILLIS);
		Path jpeg = Files.createTempFile("reelgate-poster-", ".jpg");
		List<String> command = new ArrayList<>(List.of(tools.ffmpeg().orElseThrow().toString(), "-nostdin", "-v",
				"error", "-y", "-ss", String.format(Locale.ROOT, "%.3f", at / 1000.0)));
		command.addAll(inputOptions(input));
		command.addAll(List.of("-frames:v", "1", "-vf", "scale=w=min(" + MAX_POSTER_WIDTH + "\\,iw):h=-2", "-f",
				"image2", "-c:v", "mjpeg", "-q:v", "3", "file:" + jpeg.toAbsolutePath()));
		Processes.Result result = Processes.run(command, properties.timeout());
		if (!result.succeeded() || Files.size(jpeg) == 0) {
			log.info("ffmpeg could not take a poster frame from {}: {}", input.description(), result.firstError());
			Files.deleteIfExists(jpeg);
			return Optional.empty();
		}
		return Optional.of(jpeg);
	}

	private static List<String> inputOptions(MediaInput input) {
		return List.of("-protocol_whitelist", input.protocols(), "-format_whitelist", DEMUXERS, "-i", input.url());
	}
}
