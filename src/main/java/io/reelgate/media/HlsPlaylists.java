package io.reelgate.media;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.reelgate.catalog.CaptionView;
import io.reelgate.catalog.MediaInfo;
import io.reelgate.media.HlsPackager.Output;
import io.reelgate.media.HlsPackager.PackagingException;

/**
 * The playlists of a package (RFC 8216). Media playlists are ffmpeg's, checked to be VOD playlists whose every URI
 * is the rendition's own file; the master playlist is written here from what the renditions are: the video
 * renditions as variants (their peak bit rate, with the audio's, as {@code BANDWIDTH}) sharing one audio group, or
 * for sound alone the audio rendition as the only variant.
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
		Output audio = outputs.stream().filter(o -> o.name().equals("a")).findFirst().orElse(null);
		long audioBandwidth = audio == null ? 0 : bandwidth(audio);
		List<Output> videos = outputs.stream().filter(o -> !o.name().equals("a")).toList();
		if (videos.isEmpty() && audio != null) {
			master.append("#EXT-X-STREAM-INF:BANDWIDTH=").append(audioBandwidth).append(",CODECS=\"mp4a.40.2\"\n")
				.append("a.m3u8\n");
			return master.toString();
		}
		if (audio != null) {
			master.append("#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=\"aud\",NAME=\"Audio\",DEFAULT=YES,AUTOSELECT=YES,URI=\"a.m3u8\"\n");
		}
		for (HlsPlan.Rendition rendition : plan.renditions()) {
			if (!rendition.video()) {
				continue;
			}
			Output video = videos.stream().filter(o -> o.name().equals(rendition.name())).findFirst().orElseThrow();
			master.append("#EXT-X-STREAM-INF:BANDWIDTH=").append(bandwidth(video) + audioBandwidth);
			if (media.width() != null && media.height() != null && rendition.height() != null) {
				long width = Math.round(media.width() * (double) rendition.height() / media.height() / 2) * 2;
				master.append(String.format(Locale.ROOT, ",RESOLUTION=%dx%d", width, rendition.height()));
			}
			if (audio != null) {
				master.append(",AUDIO=\"aud\"");
			}
			master.append('\n').append(video.name()).append(".m3u8\n");
		}
		return master.toString();
	}

	/** The peak segment rate, or the average over the file for a file of a single short segment. */
	private static long bandwidth(Output output) throws IOException {
		long peak = peakBandwidth(output.playlist());
		return peak > 0 ? peak : Math.max(1, Files.size(output.file()) * 8);
	}
}
