package io.reelgate.torrents;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Turns display names into names every client can create as one file or folder on any system: NFC, no path
 * separators, control or Windows-reserved characters, no leading dots (no hidden files, no "." or "..", never the
 * ".pad" folder of BEP 47) and not too long. Spaces and non-ASCII letters stay: they are what the creator typed.
 */
final class SafeNames {

	private static final int MAX_CODE_POINTS = 150;

	private SafeNames() {
	}

	static String of(String displayName) {
		StringBuilder safe = new StringBuilder();
		Normalizer.normalize(displayName, Normalizer.Form.NFC).codePoints().limit(MAX_CODE_POINTS).forEach(c -> {
			boolean bad = c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || "/\\:*?\"<>|".indexOf(c) >= 0;
			safe.appendCodePoint(bad ? '_' : c);
		});
		String name = safe.toString().strip().replaceAll("^[.\\s]+", "").replaceAll("[.\\s]+$", "");
		return name.isEmpty() ? "file" : name;
	}

	/** Names unique within one folder, case-insensitively (as on Windows and macOS): "a.mp4", "a (2).mp4". */
	static final class Unique {

		private final Set<String> taken = new HashSet<>();

		String of(String displayName) {
			String name = SafeNames.of(displayName);
			int dot = name.lastIndexOf('.');
			String stem = dot > 0 ? name.substring(0, dot) : name;
			String extension = dot > 0 ? name.substring(dot) : "";
			String candidate = name;
			for (int n = 2; !taken.add(candidate.toLowerCase(Locale.ROOT)); n++) {
				candidate = stem + " (" + n + ")" + extension;
			}
			return candidate;
		}
	}
}
