package io.reelgate.storage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One satisfiable byte range of a representation, from {@code first} to {@code last} inclusive (RFC 9110 §14.1).
 */
public record ByteRange(long first, long last) {

	/**
	 * The most range specs a request may list. More is ignored (the whole representation is sent): real clients ask
	 * for one range, or a handful (PDF readers, some players); hundreds are an attack (CVE-2011-3192).
	 */
	public static final int MAX_RANGES = 16;

	public long length() {
		return last - first + 1;
	}

	/** What a {@code Range} header asks of a representation of a given size. */
	public sealed interface Request permits Whole, Partial, Multiple, Unsatisfiable {
	}

	/** Serve the whole representation: no Range header, one we ignore (malformed, too many ranges), or a stale If-Range. */
	public record Whole() implements Request {
	}

	/** One range: a 206 with {@code Content-Range}. */
	public record Partial(ByteRange range) implements Request {
	}

	/** Two or more disjoint ranges in ascending order: a 206 {@code multipart/byteranges}. */
	public record Multiple(List<ByteRange> ranges) implements Request {

		public Multiple {
			ranges = List.copyOf(ranges);
		}
	}

	/** Answer 416: the header is well formed but no byte of it lies within the representation. */
	public record Unsatisfiable() implements Request {
	}

	/**
	 * Reads a {@code Range} header (RFC 9110 §14.2). A malformed header, or one with more than {@link #MAX_RANGES}
	 * specs, is ignored, as the RFC allows. Specs that lie beyond the end are dropped; if none is left the answer is
	 * 416. Overlapping and adjacent ranges are coalesced and the result sorted (§14.6 allows it), so however the
	 * ranges are written, each byte is sent at most once and the work is bounded by {@code MAX_RANGES}.
	 */
	public static Request parse(String header, long size) {
		if (header == null || !header.regionMatches(true, 0, "bytes=", 0, 6)) {
			return new Whole();
		}
		String set = header.substring(6);
		if (set.chars().filter(c -> c == ',').count() >= MAX_RANGES) {
			return new Whole();
		}
		List<ByteRange> satisfiable = new ArrayList<>();
		for (String spec : set.split(",", -1)) {
			Optional<Optional<ByteRange>> parsed = spec(spec.trim(), size);
			if (parsed.isEmpty()) {
				return new Whole();
			}
			parsed.get().ifPresent(satisfiable::add);
		}
		if (satisfiable.isEmpty()) {
			return new Unsatisfiable();
		}
		List<ByteRange> coalesced = coalesce(satisfiable);
		return coalesced.size() == 1 ? new Partial(coalesced.get(0)) : new Multiple(coalesced);
	}

	/** Empty if malformed; otherwise the satisfiable range, or empty for a well-formed spec beyond the end. */
	private static Optional<Optional<ByteRange>> spec(String spec, long size) {
		int dash = spec.indexOf('-');
		if (dash < 0) {
			return Optional.empty();
		}
		String firstText = spec.substring(0, dash).trim();
		String lastText = spec.substring(dash + 1).trim();
		Optional<Long> first = number(firstText);
		Optional<Long> last = number(lastText);
		if (firstText.isEmpty()) {
			// Suffix range: the last N bytes.
			if (last.isEmpty()) {
				return Optional.empty();
			}
			long suffix = last.get();
			if (suffix == 0 || size == 0) {
				return Optional.of(Optional.empty());
			}
			return Optional.of(Optional.of(new ByteRange(Math.max(0, size - suffix), size - 1)));
		}
		if (first.isEmpty() || (!lastText.isEmpty() && last.isEmpty())) {
			return Optional.empty();
		}
		long start = first.get();
		if (last.isPresent() && last.get() < start) {
			return Optional.empty();
		}
		if (start >= size) {
			return Optional.of(Optional.empty());
		}
		long end = last.map(l -> Math.min(l, size - 1)).orElse(size - 1);
		return Optional.of(Optional.of(new ByteRange(start, end)));
	}

	private static List<ByteRange> coalesce(List<ByteRange> ranges) {
		List<ByteRange> sorted = new ArrayList<>(ranges);
		sorted.sort(Comparator.comparingLong(ByteRange::first));
		List<ByteRange> merged = new ArrayList<>();
		ByteRange current = sorted.get(0);
		for (ByteRange next : sorted.subList(1, sorted.size())) {
			if (next.first() <= current.last() + 1) {
				current = new ByteRange(current.first(), Math.max(current.last(), next.last()));
			}
			else {
				merged.add(current);
				current = next;
			}
		}
		merged.add(current);
		return merged;
	}

	private static Optional<Long> number(String text) {
		if (text.isEmpty() || text.length() > 18 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
			return Optional.empty();
		}
		return Optional.of(Long.parseLong(text));
	}
}
