package io.reelgate.storage;

import io.reelgate.storage.ByteRange.Partial;
import io.reelgate.storage.ByteRange.Unsatisfiable;
import io.reelgate.storage.ByteRange.Whole;
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
			"bytes=0-1,5-9", "bytes=0-1,0-1,0-1", "bytes=99999999999999999999-" })
	void ignoresMalformedOrMultipleRangesAndServesTheWhole(String header) {
		assertThat(ByteRange.parse(header, SIZE)).isInstanceOf(Whole.class);
	}

	@ParameterizedTest
	@ValueSource(strings = { "bytes=0-", "bytes=-1" })
	void emptyRepresentationsHaveNoSatisfiableRange(String header) {
		assertThat(ByteRange.parse(header, 0)).isInstanceOf(Unsatisfiable.class);
	}
}
