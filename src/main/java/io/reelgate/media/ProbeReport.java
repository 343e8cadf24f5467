package io.reelgate.media;

import io.reelgate.catalog.MediaInfo;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the report of {@code ffprobe -print_format json -show_format -show_streams}. Only real pictures and sound
 * count: a file with neither (text, a data track, garbage that happens to start like a container) yields
 * {@link MediaInfo#NONE}, and so does an album cover in an audio file, which ffprobe lists as a video stream.
 */
final class ProbeReport {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int MAX_NAME = 32;

	private static final int MAX_CONTAINER = 64;

	private ProbeReport() {
	}

	static MediaInfo parse(String json) {
		JsonNode report;
		try {
			report = JSON.readTree(json);
		}
		catch (JacksonException ex) {
			return MediaInfo.NONE;
		}
		JsonNode video = null;
		JsonNode audio = null;
		for (JsonNode stream : report.path("streams")) {
			String type = stream.path("codec_type").asString("");
			if (video == null && "video".equals(type) && stream.path("disposition").path("attached_pic").asInt(0) == 0
					&& stream.path("width").asInt(0) > 0 && stream.path("height").asInt(0) > 0) {
				video = stream;
			}
			else if (audio == null && "audio".equals(type)) {
				audio = stream;
			}
		}
		if (video == null && audio == null) {
			return MediaInfo.NONE;
		}
		JsonNode format = report.path("format");
		Long duration = millis(format.path("duration"));
		if (duration == null) {
			duration = millis((video != null ? video : audio).path("duration"));
		}
		return new MediaInfo(duration, video == null ? null : video.path("width").asInt(),
				video == null ? null : video.path("height").asInt(), name(video, MAX_NAME), name(audio, MAX_NAME),
				text(format.path("format_name"), MAX_CONTAINER));
	}

	/** ffprobe writes seconds as a decimal string ({@code "6125.040000"}) or {@code "N/A"}. */
	private static @Nullable Long millis(JsonNode seconds) {
		try {
			double value = Double.parseDouble(seconds.asString(""));
			return Double.isFinite(value) && value >= 0 ? Math.round(value * 1000) : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static @Nullable String name(@Nullable JsonNode stream, int max) {
		return stream == null ? null : text(stream.path("codec_name"), max);
	}

	private static @Nullable String text(JsonNode node, int max) {
		String value = node.asString("").strip();
		if (value.isEmpty()) {
			return null;
		}
		return value.length() > max ? value.substring(0, max) : value;
	}
}
