package io.reelgate.torrents;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * A tracker request's query string, decoded byte-exactly: {@code info_hash} and {@code peer_id} are raw bytes
 * percent-encoded (BEP 3), which servlet parameter decoding (as text in some charset) would mangle.
 */
final class TrackerQuery {

	private static final int MAX_QUERY = 8 * 1024;

	private static final int MAX_VALUES = 64;

	private final Map<String, List<byte[]>> values;

	private TrackerQuery(Map<String, List<byte[]>> values) {
		this.values = values;
	}

	static TrackerQuery parse(@Nullable String query) {
		Map<String, List<byte[]>> values = new HashMap<>();
		if (query == null || query.isEmpty()) {
			return new TrackerQuery(values);
		}
		if (query.length() > MAX_QUERY) {
			throw new TrackerFailure("request too long");
		}
		String[] pairs = query.split("&");
		if (pairs.length > MAX_VALUES) {
			throw new TrackerFailure("too many parameters");
		}
		for (String pair : pairs) {
			if (pair.isEmpty()) {
				continue;
			}
			int equals = pair.indexOf('=');
			String name = new String(decode(equals < 0 ? pair : pair.substring(0, equals)),
					StandardCharsets.ISO_8859_1);
			byte[] value = equals < 0 ? new byte[0] : decode(pair.substring(equals + 1));
			values.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
		}
		return new TrackerQuery(values);
	}

	/** Percent-decoding to bytes; {@code +} is a space, as in form encoding, which clients never use for bytes. */
	private static byte[] decode(String text) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '%') {
				if (i + 2 >= text.length()) {
					throw new TrackerFailure("malformed percent-encoding");
				}
				int high = Character.digit(text.charAt(i + 1), 16);
				int low = Character.digit(text.charAt(i + 2), 16);
				if (high < 0 || low < 0) {
					throw new TrackerFailure("malformed percent-encoding");
				}
				out.write(high << 4 | low);
				i += 2;
			}
			else if (c > 0x7e || c < 0x21) {
				throw new TrackerFailure("malformed query");
			}
			else {
				out.write(c == '+' ? ' ' : c);
			}
		}
		return out.toByteArray();
	}

	List<byte[]> all(String name) {
		return values.getOrDefault(name, List.of());
	}

	Optional<byte[]> bytes(String name) {
		List<byte[]> found = all(name);
		if (found.size() > 1) {
			throw new TrackerFailure(name + " given more than once");
		}
		return found.stream().findFirst();
	}

	byte[] exactly(String name, int length) {
		byte[] value = bytes(name).orElseThrow(() -> new TrackerFailure("missing " + name));
		if (value.length != length) {
			throw new TrackerFailure("invalid " + name + ": " + length + " bytes expected");
		}
		return value;
	}

	Optional<String> text(String name) {
		return bytes(name).map(b -> new String(b, StandardCharsets.ISO_8859_1));
	}

	/** A decimal number within [min, max]; digits only, at most 19 of them. */
	Optional<Long> number(String name, long min, long max) {
		return text(name).map(value -> {
			if (!value.matches("[0-9]{1,19}")) {
				throw new TrackerFailure("invalid " + name);
			}
			long number;
			try {
				number = Long.parseLong(value);
			}
			catch (NumberFormatException ex) {
				throw new TrackerFailure("invalid " + name);
			}
			if (number < min || number > max) {
				throw new TrackerFailure("invalid " + name);
			}
			return number;
		});
	}
}
