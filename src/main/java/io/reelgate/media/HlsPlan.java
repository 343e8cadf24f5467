package io.reelgate.media;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

import io.reelgate.catalog.MediaInfo;
import org.jspecify.annotations.Nullable;

/**
 * How one file becomes HLS: which renditions, and the ffmpeg output options that make them. H.264 video is copied
 * as it is (a remux: fast, and no quality lost); any other video is encoded with x264 at each height of the ladder
 * no taller than the source, with keyframes every segment so that all renditions switch at the same points; HEVC
 * and AV1 are also copied as one extra rendition (named {@code o<height>}) for the players that decode them, while
 * the H.264 ones play everywhere. When the creator asks for a ladder of an H.264 source, it gets the same shape: the
 * x264 ladder for slow connections plus its own picture copied as {@code o<height>}, so no quality is lost. AAC audio
 * is copied, other audio encoded to AAC; with pictures, each of the
 * source's audio streams (dubs, an audio description) is an alternative audio rendition ({@code a}, {@code a1},
 * ...). Every rendition is one fMP4 file addressed by byte ranges.
 *
 * @param method {@code REMUX} when the video (if any) is copied, {@code LADDER} when it is encoded
 * @param renditions what comes out, video first
 */
record HlsPlan(String method, List<Rendition> renditions, List<String> outputOptions) {

	/** The codecs every browser with Media Source Extensions plays, and Safari natively. */
	static final String SAFE_VIDEO = "h264";

	static final String SAFE_AUDIO = "aac";

	/** Codecs kept as they are in an extra rendition, beside H.264 for every browser. */
	static final List<String> EXTRA_VIDEO = List.of("hevc", "av1");

	/**
	 * One rendition: its name (also its files' names); for video the height it has and whether it is the source's
	 * own copied picture in a codec not every browser plays; for audio the source's stream.
	 */
	record Rendition(String name, boolean video, @Nullable Integer height, boolean original,
			@Nullable AudioTrack track) {

		Rendition(String name, boolean video, @Nullable Integer height) {
			this(name, video, height, false, null);
		}
	}

	static HlsPlan of(MediaInfo media, List<Integer> ladder, int segmentSeconds) {
		return of(media, List.of(), ladder, segmentSeconds, false);
	}

	static HlsPlan of(MediaInfo media, List<AudioTrack> tracks, List<Integer> ladder, int segmentSeconds) {
		return of(media, tracks, ladder, segmentSeconds, false);
	}

	/**
	 * @param tracks the source's audio streams as ffprobe lists them (empty: the one the probe found)
	 * @param ladderRequested the creator asked for a ladder, which an H.264 source then gets beside its own picture
	 */
	static HlsPlan of(MediaInfo media, List<AudioTrack> tracks, List<Integer> ladder, int segmentSeconds,
			boolean ladderRequested) {
		boolean video = media.videoCodec() != null && media.height() != null;
		boolean audio = media.audioCodec() != null;
		if (!video && !audio) {
			throw new IllegalArgumentException("Nothing to package");
		}
		boolean safe = video && SAFE_VIDEO.equals(media.videoCodec());
		boolean copyVideo = safe && !ladderRequested;
		boolean extra = video && (EXTRA_VIDEO.contains(media.videoCodec()) || safe);
		List<Rendition> renditions = new ArrayList<>();
		List<String> options = new ArrayList<>();
		if (copyVideo) {
			renditions.add(new Rendition("v" + media.height(), true, media.height()));
			options.addAll(List.of("-map", "0:v:0", "-c:v", "copy"));
		}
		else if (video) {
			List<Integer> heights = heights(media.height(), ladder);
			ladder(heights, segmentSeconds, extra, renditions, options);
			if (extra) {
				int index = heights.size();
				renditions.add(new Rendition("o" + media.height(), true, media.height(), true, null));
				options.addAll(List.of("-map", "0:v:0", "-c:v:" + index, "copy"));
				if ("hevc".equals(media.videoCodec())) {
					// Apple's players want the parameter sets in the sample entry (hvc1), not in band (hev1).
					options.addAll(List.of("-tag:v:" + index, "hvc1"));
				}
			}
		}
		if (audio) {
			audio(video && tracks.size() > 1 ? tracks
					: List.of(new AudioTrack(0, media.audioCodec(), null, null, false, true)), renditions, options);
		}
		options.addAll(List.of("-sn", "-dn", "-f", "hls", "-hls_time", Integer.toString(segmentSeconds),
				"-hls_playlist_type", "vod", "-hls_segment_type", "fmp4", "-hls_flags", "single_file",
				"-var_stream_map", streamMap(renditions)));
		return new HlsPlan(copyVideo || !video ? "REMUX" : "LADDER", List.copyOf(renditions), List.copyOf(options));
	}

	/**
	 * x264 at each height, keyframes forced at segment boundaries. With an extra copied rendition, each option names
	 * the encoded streams ({@code -c:v:0}), so that none applies to the copy.
	 */
	private static void ladder(List<Integer> heights, int segmentSeconds, boolean perStream,
			List<Rendition> renditions, List<String> options) {
		StringBuilder graph = new StringBuilder("[0:v:0]split=" + heights.size());
		for (int i = 0; i < heights.size(); i++) {
			graph.append("[s").append(i).append(']');
		}
		for (int i = 0; i < heights.size(); i++) {
			graph.append(";[s").append(i).append("]scale=-2:").append(heights.get(i)).append("[o").append(i).append(']');
		}
		options.addAll(List.of("-filter_complex", graph.toString()));
		for (int i = 0; i < heights.size(); i++) {
			options.addAll(List.of("-map", "[o" + i + "]"));
			renditions.add(new Rendition("v" + heights.get(i), true, heights.get(i)));
		}
		List<String> x264 = List.of("-c:v", "libx264", "-preset", "veryfast", "-profile:v", "high", "-pix_fmt",
				"yuv420p", "-sc_threshold", "0", "-force_key_frames", "expr:gte(t,n_forced*" + segmentSeconds + ")");
		if (!perStream) {
			options.addAll(x264);
		}
		for (int i = 0; i < heights.size(); i++) {
			if (perStream) {
				for (int o = 0; o < x264.size(); o += 2) {
					String option = x264.get(o);
					options.add(option.endsWith(":v") ? option + ":" + i : option + ":v:" + i);
					options.add(x264.get(o + 1));
				}
			}
			long kbps = bitrateKbps(heights.get(i));
			options.addAll(List.of("-b:v:" + i, kbps + "k", "-maxrate:v:" + i, kbps * 3 / 2 + "k", "-bufsize:v:" + i,
					kbps * 2 + "k"));
		}
	}

	/** One rendition per audio stream: {@code a}, then {@code a1}, {@code a2}; AAC copied, anything else encoded. */
	private static void audio(List<AudioTrack> tracks, List<Rendition> renditions, List<String> options) {
		boolean one = tracks.size() == 1;
		for (int i = 0; i < tracks.size(); i++) {
			AudioTrack track = tracks.get(i);
			renditions.add(new Rendition(i == 0 ? "a" : "a" + i, false, null, false, track));
			options.addAll(List.of("-map", "0:a:" + track.index()));
			String c = one ? "-c:a" : "-c:a:" + i;
			options.addAll(SAFE_AUDIO.equals(track.codec()) ? List.of(c, "copy")
					: one ? List.of("-c:a", "aac", "-b:a", "128k", "-ac", "2")
							: List.of(c, "aac", "-b:a:" + i, "128k", "-ac:a:" + i, "2"));
		}
	}

	/** The ladder's heights no taller than the source, tallest first; the source's own when it is shorter than all. */
	static List<Integer> heights(int source, List<Integer> ladder) {
		List<Integer> heights = ladder.stream().filter(h -> h <= source).distinct().sorted((a, b) -> b - a).toList();
		return heights.isEmpty() ? List.of(source % 2 == 0 ? source : source - 1) : heights;
	}

	/** About what streaming services give each height in H.264: 720p ≈ 2.8 Mbit/s, 480p ≈ 1.3 Mbit/s. */
	static long bitrateKbps(int height) {
		return Math.max(200, Math.round(height * (double) height * 0.0055));
	}

	private static String streamMap(List<Rendition> renditions) {
		// Sound joins the pictures as an audio group; on its own it is the only variant.
		boolean group = renditions.stream().anyMatch(r -> !r.video()) && renditions.stream().anyMatch(r -> r.video());
		StringJoiner map = new StringJoiner(" ");
		int v = 0;
		int a = 0;
		for (Rendition rendition : renditions) {
			String stream = rendition.video() ? "v:" + v++ : "a:" + a++;
			map.add(String.format(Locale.ROOT, "%s,%sname:%s", stream, group ? "agroup:aud," : "", rendition.name()));
		}
		return map.toString();
	}
}
