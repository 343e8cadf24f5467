package io.reelgate.catalog;

import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

import org.jspecify.annotations.Nullable;

/**
 * What ffprobe found in a video or audio file. Every part may be unknown (null): a file it could not read has none,
 * an audio file has no picture. The text forms are what pages show, and null when there is nothing to show.
 *
 * @param durationMillis how long it plays
 * @param width the picture's width in pixels
 * @param height the picture's height in pixels
 * @param videoCodec ffprobe's name of the first video stream's codec ({@code h264})
 * @param audioCodec ffprobe's name of the first audio stream's codec ({@code aac})
 * @param container ffprobe's name of the container format ({@code mov,mp4,m4a,3gp,3g2,mj2})
 */
public record MediaInfo(@Nullable Long durationMillis, @Nullable Integer width, @Nullable Integer height,
		@Nullable String videoCodec, @Nullable String audioCodec, @Nullable String container) {

	public static final MediaInfo NONE = new MediaInfo(null, null, null, null, null, null);

	/** How people write the codecs they know; others are shown as ffprobe names them, upper-cased. */
	private static final Map<String, String> CODEC_NAMES = Map.ofEntries(Map.entry("h264", "H.264"),
			Map.entry("hevc", "H.265"), Map.entry("av1", "AV1"), Map.entry("vp8", "VP8"), Map.entry("vp9", "VP9"),
			Map.entry("mpeg4", "MPEG-4"), Map.entry("mpeg2video", "MPEG-2"), Map.entry("prores", "ProRes"),
			Map.entry("aac", "AAC"), Map.entry("mp3", "MP3"), Map.entry("opus", "Opus"), Map.entry("vorbis", "Vorbis"),
			Map.entry("flac", "FLAC"), Map.entry("ac3", "AC-3"), Map.entry("eac3", "E-AC-3"),
			Map.entry("pcm_s16le", "PCM"), Map.entry("pcm_s24le", "PCM"));

	public boolean isEmpty() {
		return equals(NONE);
	}

	/** {@code 1:42:05}, or {@code 0:02} under an hour. */
	public @Nullable String durationText() {
		if (durationMillis == null) {
			return null;
		}
		long seconds = Math.round(durationMillis / 1000.0);
		long hours = seconds / 3600;
		long minutes = seconds % 3600 / 60;
		return hours > 0 ? "%d:%02d:%02d".formatted(hours, minutes, seconds % 60)
				: "%d:%02d".formatted(minutes, seconds % 60);
	}

	/** {@code 1920×1080}. */
	public @Nullable String resolutionText() {
		return width == null || height == null ? null : width + "×" + height;
	}

	/** {@code H.264/AAC}, or just one of them. */
	public @Nullable String codecsText() {
		StringJoiner codecs = new StringJoiner("/");
		if (videoCodec != null) {
			codecs.add(codecName(videoCodec));
		}
		if (audioCodec != null) {
			codecs.add(codecName(audioCodec));
		}
		return codecs.length() == 0 ? null : codecs.toString();
	}

	private static String codecName(String codec) {
		return CODEC_NAMES.getOrDefault(codec, codec.toUpperCase(Locale.ROOT));
	}
}
