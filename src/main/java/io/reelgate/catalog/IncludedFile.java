package io.reelgate.catalog;

import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A bundle's file as its page lists it for a buyer: what kind of thing it is ("Feature film", "Trailer", "Stills")
 * and the picture's height class ({@code 1080p}) from the probe, so the page reads like the back of a box rather than
 * a directory listing. Caption languages come from the caption tracks creators add to a video ({@code CaptionTracks}),
 * never guessed from a file's name.
 */
public record IncludedFile(FileView file, Kind kind) {

	/** Words that name a film's music; whole words, so that "host" or "poster" are not an OST. */
	private static final Pattern SOUNDTRACK = Pattern.compile("\\b(soundtrack|score|ost)\\b");

	public enum Kind {
		FEATURE, TRAILER, VIDEO, SOUNDTRACK, AUDIO, STILL, CAPTIONS, SCREENPLAY, PRESS_KIT, DOCUMENT, ARCHIVE, OTHER
	}

	/** {@code 2160p}, {@code 1080p}, {@code 720p}, ... from the picture's height, or null without a probed picture. */
	public @Nullable String resolutionClass() {
		MediaInfo media = file.media();
		if (media == null || media.height() == null || media.width() == null) {
			return null;
		}
		// Scope films are letterboxed (1920×800 is still "1080p") and phone videos stand upright (1080×1920 is too):
		// the class is the short side, or the long side's 16:9 height when that is more.
		int longSide = Math.max(media.width(), media.height());
		int height = Math.max(Math.min(media.width(), media.height()), Math.round(longSide * 9 / 16f));
		int[] classes = { 4320, 2160, 1440, 1080, 720, 576, 480, 360, 240 };
		for (int c : classes) {
			if (height >= c * 0.95) {
				return c == 2160 ? "4K" : c == 4320 ? "8K" : c + "p";
			}
		}
		return height + "p";
	}

	public @Nullable String durationText() {
		return file.media() == null ? null : file.media().durationText();
	}

	/**
	 * What {@code file} is within its bundle. {@code feature} says it is the bundle's main film: its largest locked
	 * video. Names break ties the content type cannot ("trailer", "script", "press").
	 */
	static IncludedFile of(FileView file, boolean feature) {
		String name = file.name().toLowerCase(Locale.ROOT);
		String type = file.contentType();
		Kind kind;
		if (type.startsWith("video/")) {
			kind = name.contains("trailer") || name.contains("teaser") ? Kind.TRAILER
					: feature ? Kind.FEATURE : file.unlocked() ? Kind.TRAILER : Kind.VIDEO;
		}
		else if (type.startsWith("audio/")) {
			kind = SOUNDTRACK.matcher(name).find() ? Kind.SOUNDTRACK : Kind.AUDIO;
		}
		else if (type.startsWith("image/")) {
			kind = Kind.STILL;
		}
		else if (type.equals("text/vtt") || type.contains("subrip") || name.matches(".*\\.(vtt|srt|ass|ssa)$")) {
			kind = Kind.CAPTIONS;
		}
		else if (name.contains("script") || name.contains("screenplay")) {
			kind = Kind.SCREENPLAY;
		}
		else if (name.contains("press")) {
			kind = Kind.PRESS_KIT;
		}
		else if (type.equals("application/pdf") || type.startsWith("text/") || type.contains("document")) {
			kind = Kind.DOCUMENT;
		}
		else if (type.contains("zip") || type.contains("tar") || type.contains("7z") || type.contains("rar")) {
			kind = Kind.ARCHIVE;
		}
		else {
			kind = Kind.OTHER;
		}
		return new IncludedFile(file, kind);
	}
}
