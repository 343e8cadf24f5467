package io.reelgate.catalog;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Optional;

/**
 * Recognises the raster image formats a cover may have from their first bytes. Covers are served inline, so the
 * declared type must come from the bytes, never from the uploader (an SVG or HTML "image" could run script).
 */
final class ImageTypes {

	static final int HEADER_LENGTH = 12;

	private ImageTypes() {
	}

	/**
	 * The type of an uploaded image from its first bytes, leaving the stream where it was.
	 * @throws CatalogException when it is empty or no image this knows
	 */
	static String sniff(BufferedInputStream content) {
		try {
			content.mark(HEADER_LENGTH);
			byte[] header = content.readNBytes(HEADER_LENGTH);
			content.reset();
			if (header.length == 0) {
				throw new CatalogException("upload.empty");
			}
			return detect(header).orElseThrow(() -> new CatalogException("cover.notAnImage"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static Optional<String> detect(byte[] header) {
		if (startsWith(header, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
			return Optional.of("image/png");
		}
		if (startsWith(header, 0xFF, 0xD8, 0xFF)) {
			return Optional.of("image/jpeg");
		}
		if (startsWith(header, 'G', 'I', 'F', '8')) {
			return Optional.of("image/gif");
		}
		if (startsWith(header, 'R', 'I', 'F', 'F') && header.length >= 12
				&& Arrays.equals(Arrays.copyOfRange(header, 8, 12), new byte[] { 'W', 'E', 'B', 'P' })) {
			return Optional.of("image/webp");
		}
		return Optional.empty();
	}

	private static boolean startsWith(byte[] header, int... expected) {
		if (header.length < expected.length) {
			return false;
		}
		for (int i = 0; i < expected.length; i++) {
			if ((header[i] & 0xFF) != expected[i]) {
				return false;
			}
		}
		return true;
	}
}
