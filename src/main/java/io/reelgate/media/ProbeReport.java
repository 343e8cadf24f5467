package io.reelgate.media;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;

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

	/** Sources with more audio streams than this keep the first ones: no film has more dubs worth offering. */
	static final int MAX_AUDIO_TRACKS = 8;

	private static final int MAX_TITLE = 60;

	/** ISO 639-2 three-letter codes (both the terminology and the bibliographic forms) to the two-letter ones. */
	private static final Map<String, String> TWO_LETTER = twoLetterCodes();

	/** The source's audio streams, in order, for alternative audio renditions; empty when the report has none. */
	static List<AudioTrack> audioTracks(String json) {
		JsonNode report;
		try {
			report = JSON.readTree(json);
		}
		catch (JacksonException ex) {
			return List.of();
		}
		List<AudioTrack> tracks = new ArrayList<>();
		for (JsonNode stream : report.path("streams")) {
			if (!"audio".equals(stream.path("codec_type").asString("")) || tracks.size() == MAX_AUDIO_TRACKS) {
				continue;
			}
			JsonNode tags = stream.path("tags");
			JsonNode disposition = stream.path("disposition");
			tracks.add(new AudioTrack(tracks.size(), name(stream, MAX_NAME), language(tag(tags, "language")),
					title(tag(tags, "title")), disposition.path("visual_impaired").asInt(0) == 1,
					disposition.path("default").asInt(0) == 1));
		}
		return List.copyOf(tracks);
	}

	/** Matroska writes tags in capitals, MP4 in lower case. */
	private static String tag(JsonNode tags, String name) {
		JsonNode value = tags.path(name);
		return (value.isMissingNode() ? tags.path(name.toUpperCase(Locale.ROOT)) : value).asString("");
	}

	/** An RFC 5646 tag for a stream's language, or null for none, {@code und} or anything that is not a language. */
	static @Nullable String language(String tag) {
		String code = tag.strip().toLowerCase(Locale.ROOT);
		if (!code.matches("[a-z]{2,3}(-[a-z0-9]{2,8})?") || code.equals("und") || code.equals("zxx")
				|| code.equals("mul")) {
			return null;
		}
		String[] parts = code.split("-", 2);
		String language = TWO_LETTER.getOrDefault(parts[0], parts[0]);
		return Locale.forLanguageTag(parts.length == 2 ? language + "-" + parts[1] : language).toLanguageTag();
	}

	/** A title fit for a quoted playlist attribute: no quotation marks or control characters, at most 60 long. */
	private static @Nullable String title(String title) {
		String clean = title.replaceAll("[\\p{Cntrl}\"]", "").strip();
		if (clean.isEmpty()) {
			return null;
		}
		return clean.length() > MAX_TITLE ? clean.substring(0, MAX_TITLE).strip() : clean;
	}

	private static Map<String, String> twoLetterCodes() {
		Map<String, String> codes = new HashMap<>();
		for (String two : Locale.getISOLanguages()) {
			try {
				String three = Locale.forLanguageTag(two).getISO3Language();
				if (!three.isEmpty()) {
					codes.put(three, two);
				}
			}
			catch (MissingResourceException ex) {
				// A code without a three-letter form is never written in a stream's tag.
			}
		}
		// The bibliographic forms some muxers write.
		codes.putAll(Map.of("fre", "fr", "ger", "de", "dut", "nl", "chi", "zh", "cze", "cs", "gre", "el", "per", "fa",
				"rum", "ro", "slo", "sk", "wel", "cy"));
		codes.putAll(Map.of("alb", "sq", "arm", "hy", "baq", "eu", "bur", "my", "geo", "ka", "ice", "is", "mac", "mk",
				"mao", "mi", "may", "ms", "tib", "bo"));
		return Map.copyOf(codes);
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
