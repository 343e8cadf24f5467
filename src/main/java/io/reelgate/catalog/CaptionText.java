package io.reelgate.catalog;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a creator's caption file, WebVTT or SubRip (SRT), and writes it out as a clean WebVTT file: UTF-8 checked,
 * every cue's timing validated, cues in order of their start. A file it refuses raises a {@link CatalogException}
 * naming the line (counted from 1, as an editor shows it), so the creator can fix it.
 */
final class CaptionText {

	/** {@code 01:02:03.456}, {@code 02:03.456} (WebVTT) or {@code 01:02:03,456} (SRT). */
	private static final String TIME = "(?:(\\d{1,3}):)?(\\d{2}):(\\d{2})[.,](\\d{3})";

	private static final Pattern TIMING = Pattern.compile("^" + TIME + "[ \\t]+-->[ \\t]+" + TIME + "(?:[ \\t]+(.*))?$");

	/** WebVTT cue settings ({@code line:0 align:start}); anything else after a timing is dropped. */
	private static final Pattern SETTING = Pattern.compile("(?:vertical|line|position|size|align|region):[^\\s:]+");

	/** SRT styling WebVTT has no use for: {@code <font ...>} tags and ASS overrides such as {@code {\an8}}. */
	private static final Pattern SRT_NOISE = Pattern.compile("</?font[^>]*>|\\{\\\\[^}]*}", Pattern.CASE_INSENSITIVE);

	/** In SRT text, the only tags WebVTT shares: b, i, u. Any other {@code <} is text, escaped. */
	private static final Pattern SRT_TAG = Pattern.compile("</?[biu]>", Pattern.CASE_INSENSITIVE);

	private static final Pattern ENTITY = Pattern.compile("&(?:[A-Za-z]+|#\\d+|#x[0-9A-Fa-f]+);");

	private CaptionText() {
	}

	/** A cue as WebVTT writes it. */
	private record Cue(long start, long end, String settings, List<String> text) {
	}

	static String toWebVtt(byte[] bytes) {
		List<String> lines = lines(decode(bytes));
		boolean vtt = !lines.isEmpty() && lines.get(0).matches("WEBVTT([ \\t].*)?");
		List<Cue> cues = vtt ? webVttCues(lines) : srtCues(lines);
		if (cues.isEmpty()) {
			throw new CatalogException("caption.invalid.noCues");
		}
		StringBuilder out = new StringBuilder("WEBVTT\n");
		cues.stream().sorted(Comparator.comparingLong(Cue::start)).forEach(cue -> {
			out.append('\n').append(time(cue.start())).append(" --> ").append(time(cue.end()));
			if (!cue.settings().isEmpty()) {
				out.append(' ').append(cue.settings());
			}
			out.append('\n');
			cue.text().forEach(text -> out.append(text).append('\n'));
		});
		return out.toString();
	}

	private static String decode(byte[] bytes) {
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer in = ByteBuffer.wrap(bytes);
		CharBuffer out = CharBuffer.allocate(bytes.length);
		CoderResult result = decoder.decode(in, out, true);
		if (result.isError()) {
			throw new CatalogException("caption.invalid.encoding", lineAt(bytes, in.position()));
		}
		decoder.flush(out);
		String text = out.flip().toString();
		return text.startsWith("\uFEFF") ? text.substring(1) : text;
	}

	private static int lineAt(byte[] bytes, int offset) {
		int line = 1;
		for (int i = 0; i < offset; i++) {
			if (bytes[i] == '\n') {
				line++;
			}
		}
		return line;
	}

	/** CRLF, CR and LF all end a line; control characters other than tabs are refused. */
	private static List<String> lines(String text) {
		List<String> lines = new ArrayList<>(List.of(text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)));
		for (int i = 0; i < lines.size(); i++) {
			if (lines.get(i).chars().anyMatch(c -> c != '\t' && Character.isISOControl(c))) {
				throw new CatalogException("caption.invalid.characters", i + 1);
			}
		}
		return lines;
	}

	private static List<Cue> webVttCues(List<String> lines) {
		List<Cue> cues = new ArrayList<>();
		int i = skipBlock(lines, 0);
		while (i < lines.size()) {
			if (lines.get(i).isBlank()) {
				i++;
				continue;
			}
			String first = lines.get(i);
			if (first.startsWith("NOTE") || first.startsWith("STYLE") || first.startsWith("REGION")) {
				i = skipBlock(lines, i);
				continue;
			}
			int timingLine = first.contains("-->") ? i : i + 1;
			if (timingLine >= lines.size() || !lines.get(timingLine).contains("-->")) {
				throw new CatalogException("caption.invalid.timing", timingLine + 1);
			}
			Matcher timing = timing(lines.get(timingLine), timingLine);
			List<String> text = new ArrayList<>();
			i = timingLine + 1;
			for (; i < lines.size() && !lines.get(i).isBlank(); i++) {
				if (lines.get(i).contains("-->")) {
					throw new CatalogException("caption.invalid.arrowInText", i + 1);
				}
				text.add(lines.get(i));
			}
			cues.add(cue(timing, settings(timing.group(9)), text, timingLine));
		}
		return cues;
	}

	private static List<Cue> srtCues(List<String> lines) {
		List<Cue> cues = new ArrayList<>();
		int i = 0;
		while (i < lines.size()) {
			if (lines.get(i).isBlank()) {
				i++;
				continue;
			}
			int timingLine = lines.get(i).strip().matches("\\d+") ? i + 1 : i;
			if (timingLine >= lines.size()) {
				throw new CatalogException("caption.invalid.timing", timingLine + 1);
			}
			Matcher timing = timing(lines.get(timingLine), timingLine);
			List<String> text = new ArrayList<>();
			for (i = timingLine + 1; i < lines.size() && !lines.get(i).isBlank(); i++) {
				text.add(srtText(lines.get(i)));
			}
			cues.add(cue(timing, "", text, timingLine));
		}
		return cues;
	}

	private static Matcher timing(String line, int index) {
		Matcher timing = TIMING.matcher(line.strip());
		if (!timing.matches()) {
			throw new CatalogException("caption.invalid.timing", index + 1);
		}
		return timing;
	}

	private static Cue cue(Matcher timing, String settings, List<String> text, int index) {
		long start = millis(timing, 1, index);
		long end = millis(timing, 5, index);
		if (end <= start) {
			throw new CatalogException("caption.invalid.order", index + 1);
		}
		return new Cue(start, end, settings, text);
	}

	private static long millis(Matcher timing, int group, int index) {
		long hours = timing.group(group) == null ? 0 : Long.parseLong(timing.group(group));
		long minutes = Long.parseLong(timing.group(group + 1));
		long seconds = Long.parseLong(timing.group(group + 2));
		if (minutes > 59 || seconds > 59) {
			throw new CatalogException("caption.invalid.timing", index + 1);
		}
		return ((hours * 60 + minutes) * 60 + seconds) * 1000 + Long.parseLong(timing.group(group + 3));
	}

	private static String settings(String raw) {
		if (raw == null) {
			return "";
		}
		List<String> kept = new ArrayList<>();
		for (String token : raw.strip().split("[ \\t]+")) {
			if (SETTING.matcher(token).matches()) {
				kept.add(token);
			}
		}
		return String.join(" ", kept);
	}

	/** SRT text as WebVTT text: its b, i and u tags kept, other markup dropped or escaped. */
	private static String srtText(String line) {
		String text = SRT_NOISE.matcher(line).replaceAll("");
		StringBuilder out = new StringBuilder();
		Matcher tag = SRT_TAG.matcher(text);
		int at = 0;
		while (tag.find()) {
			out.append(escape(text.substring(at, tag.start()))).append(tag.group().toLowerCase());
			at = tag.end();
		}
		return out.append(escape(text.substring(at))).toString();
	}

	private static String escape(String text) {
		StringBuilder out = new StringBuilder();
		Matcher entity = ENTITY.matcher(text);
		int at = 0;
		while (entity.find()) {
			out.append(escapePlain(text.substring(at, entity.start()))).append(entity.group());
			at = entity.end();
		}
		return out.append(escapePlain(text.substring(at))).toString();
	}

	private static String escapePlain(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

	/** The header or a NOTE, STYLE or REGION block: up to the next blank line. */
	private static int skipBlock(List<String> lines, int from) {
		int i = from;
		while (i < lines.size() && !lines.get(i).isBlank()) {
			i++;
		}
		return i;
	}

	private static String time(long millis) {
		return "%02d:%02d:%02d.%03d".formatted(millis / 3_600_000, millis / 60_000 % 60, millis / 1000 % 60,
				millis % 1000);
	}
}
