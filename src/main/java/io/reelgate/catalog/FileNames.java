package io.reelgate.catalog;

import java.text.Normalizer;

import org.springframework.http.MediaTypeFactory;

/** Turns the name a browser sent with an upload into one that is safe to show and to offer for download. */
public final class FileNames {

	private static final int MAX_LENGTH = 200;

	private FileNames() {
	}

	/** Drops any path, control and bidi-override characters, normalises Unicode, and never returns blank. */
	public static String displayName(String original) {
		String name = original == null ? "" : original;
		name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
		name = Normalizer.normalize(name, Normalizer.Form.NFC);
		StringBuilder clean = new StringBuilder();
		name.codePoints()
			.filter(c -> !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT)
			.forEach(clean::appendCodePoint);
		String result = clean.toString().strip();
		while (result.startsWith(".")) {
			result = result.substring(1);
		}
		if (result.length() > MAX_LENGTH) {
			result = result.substring(result.length() - MAX_LENGTH);
		}
		return result.isBlank() ? "file" : result;
	}

	/** The media type buyers' browsers will be told, from the extension; files are always served as attachments. */
	static String contentType(String displayName) {
		return MediaTypeFactory.getMediaType(displayName).map(Object::toString).orElse("application/octet-stream");
	}
}
