package io.reelgate.media;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

import io.reelgate.catalog.MediaInfo;

/**
 * How one file becomes HLS: which renditions, and the ffmpeg output options that make them. H.264 video is copied
 * as it is (a remux: fast, and no quality lost); any other video is encoded with x264 at each height of the ladder
 * no taller than the source, with keyframes every segment so that all renditions switch at the same points. AAC
 * audio is copied, other audio encoded to AAC. Every rendition is one fMP4 file addressed by byte ranges.
 *
 * @param method {@code REMUX} when the video (if any) is copied, {@code LADDER} when it is encoded
 * @param renditions what comes out, video first
 */
record HlsPlan(String method, List<Rendition> renditions, List<String> outputOptions) {

	/** The codecs every browser with Media Source Extensions plays, and Safari natively. */
	static final String SAFE_VIDEO = "h264";

	static final String SAFE_AUDIO = "aac";

	/** One rendition: its name (also its files' names), and for video the height it has (null: the source's). */
	record Rendition(String name, boolean video, Integer height) {
	}

	static HlsPlan of(MediaInfo media, List<Integer> ladder, int segmentSeconds) {
		boolean video = media.videoCodec() != null && media.height() != null;
		boolean audio = media.audioCodec() != null;
		if (!video && !audio) {
			throw new IllegalArgumentException("Nothing to package");
		}
		boolean copyVideo = video && SAFE_VIDEO.equals(media.videoCodec());
		List<Rendition> renditions = new ArrayList<>();
		List<String> options = new ArrayList<>();
		if (copyVideo) {
			renditions.add(new Rendition("v" + media.height(), true, media.height()));
			options.addAll(List.of("-map", "0:v:0", "-c:v", "copy"));
		}
		else if (video) {
			List<Integer> heights = heights(media.height(), ladder);
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
			options.addAll(List.of("-c:v", "libx264", "-preset", "veryfast", "-profile:v", "high", "-pix_fmt", "yuv420p",
					"-sc_threshold", "0", "-force_key_frames", "expr:gte(t,n_forced*" + segmentSeconds + ")"));
			for (int i = 0; i < heights.size(); i++) {
				long kbps = bitrateKbps(heights.get(i));
				options.addAll(List.of("-b:v:" + i, kbps + "k", "-maxrate:v:" + i, kbps * 3 / 2 + "k", "-bufsize:v:" + i,
						kbps * 2 + "k"));
			}
		}
		if (audio) {
			renditions.add(new Rendition("a", false, null));
			options.addAll(List.of("-map", "0:a:0"));
			options.addAll(SAFE_AUDIO.equals(media.audioCodec()) ? List.of("-c:a", "copy")
					: List.of("-c:a", "aac", "-b:a", "128k", "-ac", "2"));
		}
		options.addAll(List.of("-sn", "-dn", "-f", "hls", "-hls_time", Integer.toString(segmentSeconds),
				"-hls_playlist_type", "vod", "-hls_segment_type", "fmp4", "-hls_flags", "single_file",
				"-var_stream_map", streamMap(renditions)));
		return new HlsPlan(copyVideo || !video ? "REMUX" : "LADDER", List.copyOf(renditions), List.copyOf(options));
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
		for (Rendition rendition : renditions) {
			String stream = rendition.video() ? "v:" + v++ : "a:0";
			map.add(String.format(Locale.ROOT, "%s,%sname:%s", stream, group ? "agroup:aud," : "", rendition.name()));
		}
		return map.toString();
	}
}
