package io.reelgate.storage;

import java.util.Optional;

/**
 * One satisfiable byte range of a representation, from {@code first} to {@code last} inclusive (RFC 9110 §14.1).
 */
public record ByteRange(long first, long last) {

	public long length() {
		return last - first + 1;
	}

	/** What a {@code Range} header asks of a representation of a given size. */
	public sealed interface Request permits Whole, Partial, Unsatisfiable {
	}

	/** Serve the whole representation: no Range header, one we ignore (several ranges, malformed), or a stale If-Range. */
	public record Whole() implements Request {
	}

	public record Partial(ByteRange range) implements Request {
	}

	/** Answer 416: the header is well formed but no byte of it lies within the representation. */
	public record Unsatisfiable() implements Request {
	}

	/**
	 * Reads a {@code Range} header. Only single ranges are honoured; RFC 9110 lets a server ignore a Range header
	 * it does not wish to serve, which also keeps overlapping multi-range abuse from costing anything.
	 */
	public static Request parse(String header, long size) {
		if (header == null || !header.regionMatches(true, 0, "bytes=", 0, 6)) {
			return new Whole();
		}
		String spec = header.substring(6).trim();
		if (spec.isEmpty() || spec.contains(",")) {
			return new Whole();
		}
		int dash = spec.indexOf('-');
		if (dash < 0) {
			return new Whole();
		}
		Optional<Long> first = number(spec.substring(0, dash).trim());
		Optional<Long> last = number(spec.substring(dash + 1).trim());
		if (spec.substring(0, dash).isBlank()) {
			// Suffix range: the last N bytes.
			if (last.isEmpty()) {
				return new Whole();
			}
			long suffix = last.get();
			if (suffix == 0 || size == 0) {
				return new Unsatisfiable();
			}
			return new Partial(new ByteRange(Math.max(0, size - suffix), size - 1));
		}
		if (first.isEmpty() || (!spec.substring(dash + 1).isBlank() && last.isEmpty())) {
			return new Whole();
		}
		long start = first.get();
		if (last.isPresent() && last.get() < start) {
			return new Whole();
		}
		if (start >= size) {
			return new Unsatisfiable();
		}
		long end = last.map(l -> Math.min(l, size - 1)).orElse(size - 1);
		return new Partial(new ByteRange(start, end));
	}

	private static Optional<Long> number(String text) {
		if (text.isEmpty() || text.length() > 18 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
			return Optional.empty();
		}
		return Optional.of(Long.parseLong(text));
	}
}
