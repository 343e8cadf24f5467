package io.reelgate.catalog;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The kind of a Matroska file, read from the DocType of its EBML header ({@code matroska} or {@code webm}): Tika's
 * magic matches the DocType only at one fixed position (TIKA-1180), which files written by ffmpeg or mkvmerge do not
 * use, and otherwise names the bare container, leaving the file name to say more. Audio-only Matroska files carry
 * the same DocType as films, so they are {@code video/x-matroska} too.
 */
final class Matroska {

	static final String CONTAINER = "application/x-matroska";

	private static final int EBML_HEADER = 0x1A45DFA3;

	private static final int DOC_TYPE = 0x4282;

	private static final Map<String, String> TYPES = Map.of("matroska", "video/x-matroska", "webm", "video/webm");

	private Matroska() {
	}

	/** The type of a file that starts with an EBML header; the bare container if its DocType is unknown or cut off. */
	static String typeOf(byte[] head) {
		int position = 0;
		long headerId = readId(head, position);
		if (headerId != EBML_HEADER) {
			return CONTAINER;
		}
		position += idLength(head[0]);
		int sizeLength = sizeLength(head, position);
		if (sizeLength < 0) {
			return CONTAINER;
		}
		long headerSize = readSize(head, position, sizeLength);
		position += sizeLength;
		long end = headerSize < 0 ? head.length : Math.min(head.length, position + headerSize);
		while (position < end) {
			long id = readId(head, position);
			if (id < 0) {
				return CONTAINER;
			}
			position += idLength(head[position]);
			sizeLength = sizeLength(head, position);
			if (sizeLength < 0) {
				return CONTAINER;
			}
			long size = readSize(head, position, sizeLength);
			position += sizeLength;
			if (size < 0 || position + size > end) {
				return CONTAINER;
			}
			if (id == DOC_TYPE) {
				String docType = new String(head, position, (int) size, StandardCharsets.US_ASCII)
					.replace("\0", "");
				return TYPES.getOrDefault(docType, CONTAINER);
			}
			position += (int) size;
		}
		return CONTAINER;
	}

	/** An element ID (its length marker kept, as IDs are written), or -1 if it does not fit or is malformed. */
	private static long readId(byte[] bytes, int position) {
		if (position >= bytes.length) {
			return -1;
		}
		int length = idLength(bytes[position]);
		if (length > 4 || position + length > bytes.length) {
			return -1;
		}
		long id = 0;
		for (int i = 0; i < length; i++) {
			id = (id << 8) | (bytes[position + i] & 0xFF);
		}
		return id;
	}

	private static int idLength(byte first) {
		return Integer.numberOfLeadingZeros(first & 0xFF) - 23;
	}

	/** The length of the size field at {@code position}, or -1 if it does not fit or is malformed. */
	private static int sizeLength(byte[] bytes, int position) {
		if (position >= bytes.length || bytes[position] == 0) {
			return -1;
		}
		int length = idLength(bytes[position]);
		return position + length > bytes.length ? -1 : length;
	}

	/** A size with its length marker removed; -1 for the reserved "unknown size". */
	private static long readSize(byte[] bytes, int position, int length) {
		long value = bytes[position] & (0xFF >> length);
		boolean unknown = value == (0xFF >> length);
		for (int i = 1; i < length; i++) {
			int b = bytes[position + i] & 0xFF;
			unknown &= b == 0xFF;
			value = (value << 8) | b;
		}
		return unknown ? -1 : value;
	}
}
