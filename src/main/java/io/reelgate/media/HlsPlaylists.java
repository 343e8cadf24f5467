package io.reelgate.media;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.reelgate.catalog.CaptionView;
import io.reelgate.catalog.MediaInfo;
import io.reelgate.media.HlsPackager.Output;
import io.reelgate.media.HlsPackager.PackagingException;
import org.jspecify.annotations.Nullable;

/**
 * The playlists of a package (RFC 8216). Media playlists are ffmpeg's, checked to be VOD playlists whose every URI
 * is the rendition's own file; the master playlist is written here from what the renditions are: the video
 * renditions as variants (their peak bit rate, with the audio's, as {@code BANDWIDTH}, and their codecs as
 * {@code CODECS}) sharing one audio group of one rendition per audio stream, or for sound alone the audio rendition
 * as the only variant.
 */
final class HlsPlaylists {

	private static final Pattern MAP_URI = Pattern.compile("URI=\"([^\"]*)\"");

	private static final Pattern EXTINF = Pattern.compile("#EXTINF:([0-9.]+),.*");

	private static final Pattern BYTERANGE = Pattern.compile("#EXT-X-BYTERANGE:([0-9]+)(@[0-9]+)?");

	private HlsPlaylists() {
	}

	/**
	 * The master playlist with one subtitle rendition ({@code s-<id>.m3u8}) per caption file in one group that every
	 * video variant names; the stored master as it is for sound alone, or without captions.
	 */
	static String withSubtitles(String master, List<CaptionView> captions) {
		if (captions.isEmpty() || !master.contains("RESOLUTION=")) {
			return master;
		}
		StringBuilder media = new StringBuilder();
		for (CaptionView caption : captions) {
			media.append("#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID=\"subs\",NAME=\"").append(caption.label())
				.append("\",LANGUAGE=\"").append(caption.language())
				.append("\",DEFAULT=NO,AUTOSELECT=YES,URI=\"s-").append(caption.id()).append(".m3u8\"\n");
		}
		StringBuilder out = new StringBuilder();
		boolean added = false;
		for (String line : master.lines().toList()) {
			if (line.startsWith("#EXT-X-STREAM-INF:")) {
				if (!added) {
					out.append(media);
					added = true;
				}
				out.append(line).append(",SUBTITLES=\"subs\"\n");
			}
			else {
				out.append(line).append('\n');
			}
		}
		return out.toString();
	}

	/** A caption file's media playlist: its whole WebVTT file as the one segment, as long as the film. */
	static String subtitles(String name, long durationMillis) {
		double seconds = durationMillis / 1000.0;
		return String.format(Locale.ROOT, """
				#EXTM3U
				#EXT-X-VERSION:3
				#EXT-X-TARGETDURATION:%d
				#EXT-X-MEDIA-SEQUENCE:0
				#EXT-X-PLAYLIST-TYPE:VOD
				#EXTINF:%.3f,
				%s.vtt
				#EXT-X-ENDLIST
				""", (long) Math.ceil(seconds), seconds, name);
	}

	static void checkMedia(String playlist, String file) throws PackagingException {
		List<String> lines = playlist.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
		if (lines.isEmpty() || !lines.get(0).equals("#EXTM3U") || !lines.contains("#EXT-X-ENDLIST")) {
			throw new PackagingException("ffmpeg wrote an incomplete playlist for " + file);
		}
		for (String line : lines) {
			Matcher uri = MAP_URI.matcher(line);
			boolean foreign = line.startsWith("#") ? uri.find() && !uri.group(1).equals(file) : !line.equals(file);
			if (foreign) {
				throw new PackagingException("ffmpeg's playlist for " + file + " refers to another file");
			}
		}
	}

	/** The highest bit rate of any one segment, in bits per second. */
	static long peakBandwidth(String playlist) {
		double duration = 0;
		long peak = 0;
		for (String line : playlist.lines().map(String::strip).toList()) {
			Matcher extinf = EXTINF.matcher(line);
			Matcher range = BYTERANGE.matcher(line);
			if (extinf.matches()) {
				duration = Double.parseDouble(extinf.group(1));
			}
			else if (range.matches() && duration > 0.5) {
				peak = Math.max(peak, Math.round(Long.parseLong(range.group(1)) * 8 / duration));
			}
		}
		return peak;
	}

	static String master(HlsPlan plan, List<Output> outputs, MediaInfo media) throws IOException {
		StringBuilder master = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:7\n#EXT-X-INDEPENDENT-SEGMENTS\n");
		List<HlsPlan.Rendition> audios = plan.renditions().stream().filter(r -> !r.video()).toList();
		List<HlsPlan.Rendition> videos = plan.renditions().stream().filter(HlsPlan.Rendition::video).toList();
		long audioBandwidth = 0;
		String audioCodec = null;
		for (HlsPlan.Rendition audio : audios) {
			Output output = output(outputs, audio);
			audioBandwidth = Math.max(audioBandwidth, bandwidth(output));
			if (audioCodec == null) {
				audioCodec = HlsCodecs.of(output.file());
			}
		}
		if (videos.isEmpty()) {
			master.append("#EXT-X-STREAM-INF:BANDWIDTH=").append(audioBandwidth).append(",CODECS=\"mp4a.40.2\"\n")
				.append("a.m3u8\n");
			return master.toString();
		}
		List<String> names = new ArrayList<>();
		int defaultAudio = defaultAudio(audios);
		for (int i = 0; i < audios.size(); i++) {
			master.append(audioMedia(audios.get(i), i, i == defaultAudio, audios.size(), names));
		}
		for (HlsPlan.Rendition rendition : videos) {
			master.append(videoStream(rendition, output(outputs, rendition), media, audioBandwidth, audioCodec,
					!audios.isEmpty()));
		}
		return master.toString();
	}

	/** One video variant: its peak bandwidth with the audio's, codecs, resolution and the audio group it plays. */
	private static String videoStream(HlsPlan.Rendition rendition, Output video, MediaInfo media, long audioBandwidth,
			@Nullable String audioCodec, boolean withAudio) throws IOException {
		StringBuilder stream = new StringBuilder("#EXT-X-STREAM-INF:BANDWIDTH=")
			.append(bandwidth(video) + audioBandwidth);
		String videoCodec = HlsCodecs.of(video.file());
		if (videoCodec != null) {
			stream.append(",CODECS=\"").append(videoCodec).append(audioCodec == null ? "" : "," + audioCodec)
				.append('"');
		}
		if (media.width() != null && media.height() != null && rendition.height() != null) {
			long width = Math.round(media.width() * (double) rendition.height() / media.height() / 2) * 2;
			stream.append(String.format(Locale.ROOT, ",RESOLUTION=%dx%d", width, rendition.height()));
		}
		if (withAudio) {
			stream.append(",AUDIO=\"aud\"");
		}
		return stream.append('\n').append(video.name()).append(".m3u8\n").toString();
	}

	/** The stream marked default, else the first that is not an audio description, else the first. */
	private static int defaultAudio(List<HlsPlan.Rendition> audios) {
		for (int i = 0; i < audios.size(); i++) {
			AudioTrack track = audios.get(i).track();
			if (track != null && track.isDefault() && !track.describesVideo()) {
				return i;
			}
		}
		for (int i = 0; i < audios.size(); i++) {
			AudioTrack track = audios.get(i).track();
			if (track == null || !track.describesVideo()) {
				return i;
			}
		}
		return 0;
	}

	/**
	 * One alternative audio rendition. Its {@code NAME}, which players list, is the stream's title, else its
	 * language's own name (Français), else Audio with its number; unique within the group, as RFC 8216 asks.
	 */
	private static String audioMedia(HlsPlan.Rendition audio, int index, boolean isDefault, int count,
			List<String> names) {
		AudioTrack track = audio.track();
		String language = track == null ? null : track.language();
		String name = track != null && track.title() != null ? track.title()
				: language != null ? ownName(language) : count == 1 ? "Audio" : "Audio " + (index + 1);
		String unique = name;
		for (int n = 2; names.contains(unique); n++) {
			unique = name + " (" + n + ")";
		}
		names.add(unique);
		StringBuilder media = new StringBuilder("#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=\"aud\",NAME=\"").append(unique)
			.append('"');
		if (language != null) {
			media.append(",LANGUAGE=\"").append(language).append('"');
		}
		media.append(",DEFAULT=").append(isDefault ? "YES" : "NO").append(",AUTOSELECT=YES");
		if (track != null && track.describesVideo()) {
			media.append(",CHARACTERISTICS=\"public.accessibility.describes-video\"");
		}
		return media.append(",URI=\"").append(audio.name()).append(".m3u8\"\n").toString();
	}

	private static String ownName(String language) {
		Locale locale = Locale.forLanguageTag(language);
		String name = locale.getDisplayLanguage(locale).replace("\"", "");
		if (name.isBlank()) {
			return language;
		}
		return name.substring(0, 1).toUpperCase(locale) + name.substring(1);
	}

	private static Output output(List<Output> outputs, HlsPlan.Rendition rendition) {
		return outputs.stream().filter(o -> o.name().equals(rendition.name())).findFirst().orElseThrow();
	}

	/** The peak segment rate, or the average over the file for a file of a single short segment. */
	private static long bandwidth(Output output) throws IOException {
		long peak = peakBandwidth(output.playlist());
		return peak > 0 ? peak : Math.max(1, Files.size(output.file()) * 8);
	}
}
