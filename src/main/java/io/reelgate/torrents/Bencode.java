package io.reelgate.torrents;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A strict bencode encoder (BEP 3): integers without leading zeros, byte strings with their length, lists, and
 * dictionaries whose keys are byte strings sorted by their raw bytes, each key once. Strings are written as UTF-8.
 * {@link Raw} inserts bytes that are already bencoded (an info dictionary kept verbatim, so its hash holds).
 */
final class Bencode {

	private static final Comparator<byte[]> RAW_ORDER = Arrays::compareUnsigned;

	private Bencode() {
	}

	/** Bytes that are already one bencoded value. */
	record Raw(byte[] bytes) {
	}

	/** @param value a String, byte[], Integer, Long, List, Map with String keys, or {@link Raw} */
	static byte[] encode(Object value) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		write(value, out);
		return out.toByteArray();
	}

	private static void write(Object value, ByteArrayOutputStream out) {
		if (value instanceof String text) {
			writeBytes(text.getBytes(StandardCharsets.UTF_8), out);
		}
		else if (value instanceof byte[] bytes) {
			writeBytes(bytes, out);
		}
		else if (value instanceof Integer || value instanceof Long) {
			writeInteger(((Number) value).longValue(), out);
		}
		else if (value instanceof Raw raw) {
			out.writeBytes(raw.bytes());
		}
		else if (value instanceof List<?> list) {
			out.write('l');
			list.forEach(item -> write(item, out));
			out.write('e');
		}
		else if (value instanceof Map<?, ?> map) {
			writeDictionary(map, out);
		}
		else {
			throw new IllegalArgumentException("Bencode has no type for " + value.getClass());
		}
	}

	private static void writeInteger(long number, ByteArrayOutputStream out) {
		out.writeBytes(("i" + number + "e").getBytes(StandardCharsets.US_ASCII));
	}

	private static void writeBytes(byte[] bytes, ByteArrayOutputStream out) {
		out.writeBytes((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
		out.writeBytes(bytes);
	}

	private static void writeDictionary(Map<?, ?> map, ByteArrayOutputStream out) {
		List<Map.Entry<byte[], Object>> entries = map.entrySet().stream()
			.map(e -> Map.entry(key(e.getKey()), (Object) e.getValue()))
			.sorted(Map.Entry.comparingByKey(RAW_ORDER))
			.toList();
		out.write('d');
		byte[] previous = null;
		for (Map.Entry<byte[], Object> entry : entries) {
			if (previous != null && Arrays.equals(previous, entry.getKey())) {
				throw new IllegalArgumentException("Duplicate bencode key " + new String(previous, StandardCharsets.UTF_8));
			}
			writeBytes(entry.getKey(), out);
			write(entry.getValue(), out);
			previous = entry.getKey();
		}
		out.write('e');
	}

	private static byte[] key(Object key) {
		if (key instanceof String text) {
			return text.getBytes(StandardCharsets.UTF_8);
		}
		throw new IllegalArgumentException("Bencode dictionary keys are strings, not " + key.getClass());
	}
}
