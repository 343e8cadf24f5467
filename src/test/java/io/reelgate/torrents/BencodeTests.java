package io.reelgate.torrents;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.dampcake.bencode.Type;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class BencodeTests {

	private static String text(byte[] bytes) {
		return new String(bytes, StandardCharsets.ISO_8859_1);
	}

	@Test
	void encodesIntegersWithoutLeadingZerosAndNegativesWithAMinus() {
		assertThat(text(Bencode.encode(0))).isEqualTo("i0e");
		assertThat(text(Bencode.encode(42L))).isEqualTo("i42e");
		assertThat(text(Bencode.encode(-3))).isEqualTo("i-3e");
		assertThat(text(Bencode.encode(Long.MAX_VALUE))).isEqualTo("i9223372036854775807e");
	}

	@Test
	void encodesStringsAsUtf8WithTheirByteLength() {
		assertThat(text(Bencode.encode("spam"))).isEqualTo("4:spam");
		assertThat(text(Bencode.encode(""))).isEqualTo("0:");
		assertThat(Bencode.encode("é")).isEqualTo(new byte[] { '2', ':', (byte) 0xc3, (byte) 0xa9 });
		assertThat(Bencode.encode(new byte[] { 0, (byte) 0xff })).isEqualTo(new byte[] { '2', ':', 0, (byte) 0xff });
	}

	@Test
	void sortsDictionaryKeysByTheirRawBytesWhateverTheMapsOrder() {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("zeta", 1);
		map.put("Zeta", 2);
		map.put("min interval", 3);
		map.put("é", 4);
		map.put("a", List.of("x", 5));
		assertThat(text(Bencode.encode(map)))
			.isEqualTo("d4:Zetai2e1:al1:xi5ee12:min intervali3e4:zetai1e" + text("é".getBytes(StandardCharsets.UTF_8))
					.transform(k -> "2:" + k) + "i4ee");
	}

	@Test
	void insertsRawValuesVerbatim() {
		assertThat(text(Bencode.encode(Map.of("info", new Bencode.Raw("d1:ai1ee".getBytes())))))
			.isEqualTo("d4:infod1:ai1eee");
	}

	@Test
	void refusesTypesBencodeDoesNotHave() {
		assertThatIllegalArgumentException().isThrownBy(() -> Bencode.encode(1.5));
		assertThatIllegalArgumentException().isThrownBy(() -> Bencode.encode(Map.of(1, "x")));
	}

	@Test
	void anIndependentDecoderReadsBackWhatItWrote() {
		byte[] encoded = Bencode.encode(Map.of("announce", "http://t/a", "info",
				Map.of("length", 12L, "name", "Amélie.mp4", "pieces", new byte[] { 1, 2, 3 }), "list", List.of(1, "b")));
		Map<String, Object> decoded = new com.dampcake.bencode.Bencode(StandardCharsets.UTF_8, true).decode(encoded,
				Type.DICTIONARY);
		assertThat(decoded.get("announce")).isEqualTo(ByteBuffer.wrap("http://t/a".getBytes(StandardCharsets.UTF_8)));
		@SuppressWarnings("unchecked")
		Map<String, Object> info = (Map<String, Object>) decoded.get("info");
		assertThat(info.get("length")).isEqualTo(12L);
		assertThat(info.get("name")).isEqualTo(ByteBuffer.wrap("Amélie.mp4".getBytes(StandardCharsets.UTF_8)));
		assertThat(info.get("pieces")).isEqualTo(ByteBuffer.wrap(new byte[] { 1, 2, 3 }));
		// Re-encoding the decoded form gives the same bytes only if ours was canonical (sorted, minimal).
		assertThat(new com.dampcake.bencode.Bencode(StandardCharsets.UTF_8, true).encode(decoded)).isEqualTo(encoded);
	}
}
