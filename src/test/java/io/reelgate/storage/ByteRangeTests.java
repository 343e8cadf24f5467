package io.reelgate.storage;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.reelgate.storage.ByteRange.Multiple;
import io.reelgate.storage.ByteRange.Partial;
import io.reelgate.storage.ByteRange.Unsatisfiable;
import io.reelgate.storage.ByteRange.Whole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ByteRangeTests {

	private static final long SIZE = 1000;

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			bytes=0-99        | 0   | 99
			bytes=100-        | 100 | 999
			bytes=-100        | 900 | 999
			bytes=-5000       | 0   | 999
			bytes=990-5000    | 990 | 999
			bytes=999-999     | 999 | 999
			BYTES=0-0         | 0   | 0
			bytes= 10-20      | 10  | 20
			""")
	void servesSatisfiableSingleRanges(String header, long first, long last) {
		assertThat(ByteRange.parse(header, SIZE)).isEqualTo(new Partial(new ByteRange(first, last)));
	}

	@ParameterizedTest
	@ValueSource(strings = { "bytes=1000-", "bytes=1000-1001", "bytes=-0", "bytes=5000-6000" })
	void answersUnsatisfiableRangesWith416(String header) {
		assertThat(ByteRange.parse(header, SIZE)).isInstanceOf(Unsatisfiable.class);
	}

	@ParameterizedTest
	@NullSource
	@ValueSource(strings = { "", "items=0-5", "bytes=", "bytes=abc", "bytes=5-1", "bytes=-", "bytes=1-2x",
			"bytes=99999999999999999999-", "bytes=0-1,", "bytes=0-1,,5-9", "bytes=0-1,5-x", "bytes=0-1;5-9" })
	void ignoresMalformedRangesAndServesTheWhole(String header) {
		assertThat(ByteRange.parse(header, SIZE)).isInstanceOf(Whole.class);
	}

	@ParameterizedTest
	@ValueSource(strings = { "bytes=0-", "bytes=-1" })
	void emptyRepresentationsHaveNoSatisfiableRange(String header) {
		assertThat(ByteRange.parse(header, 0)).isInstanceOf(Unsatisfiable.class);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			bytes=0-9,20-29           | 0-9 20-29
			bytes=20-29, 0-9          | 0-9 20-29
			bytes=0-9,-10             | 0-9 990-999
			bytes=0-0,2-2,4-          | 0-0 2-2 4-999
			bytes=0-9,5000-6000,20-29 | 0-9 20-29
			""")
	void servesSeveralDisjointRangesInAscendingOrder(String header, String expected) {
		List<ByteRange> ranges = List.of(expected.split(" ")).stream()
			.map(r -> new ByteRange(Long.parseLong(r.split("-")[0]), Long.parseLong(r.split("-")[1])))
			.toList();
		assertThat(ByteRange.parse(header, SIZE)).isEqualTo(new Multiple(ranges));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			bytes=0-1,0-1,0-1         | 0 | 1
			bytes=0-99,50-149         | 0 | 149
			bytes=0-9,10-19           | 0 | 19
			bytes=500-,0-,-1,100-200  | 0 | 999
			bytes=0-9,5000-,2000-3000 | 0 | 9
			""")
	void coalescesOverlappingAndAdjacentRangesSoNoByteIsSentTwice(String header, long first, long last) {
		assertThat(ByteRange.parse(header, SIZE)).isEqualTo(new Partial(new ByteRange(first, last)));
	}

	@Test
	void ignoresMoreRangesThanTheCapAndServesTheWhole() {
		String atCap = IntStream.range(0, ByteRange.MAX_RANGES).mapToObj(i -> (i * 10) + "-" + (i * 10 + 1))
			.collect(Collectors.joining(",", "bytes=", ""));
		assertThat(ByteRange.parse(atCap, SIZE)).isInstanceOfSatisfying(Multiple.class,
				m -> assertThat(m.ranges()).hasSize(ByteRange.MAX_RANGES));
		assertThat(ByteRange.parse(atCap + ",900-901", SIZE)).isInstanceOf(Whole.class);
		assertThat(ByteRange.parse("bytes=" + "0-,".repeat(10_000) + "0-", SIZE)).isInstanceOf(Whole.class);
	}

	@Test
	void severalRangesAllBeyondTheEndAre416() {
		assertThat(ByteRange.parse("bytes=1000-,2000-3000,-0", SIZE)).isInstanceOf(Unsatisfiable.class);
	}
}
