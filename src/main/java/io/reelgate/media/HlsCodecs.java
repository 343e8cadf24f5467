package io.reelgate.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The RFC 6381 codec string of a rendition ({@code avc1.64001f}, {@code hvc1.1.6.L93.B0}, {@code av01.0.04M.08},
 * {@code mp4a.40.2}) for the master playlist's {@code CODECS}, read from the decoder configuration in its fMP4 init
 * section as ISO/IEC 14496-15 and the AV1 ISOBMFF binding say. Players use it to skip variants they cannot decode,
 * so an HEVC rendition is passed over by a browser without HEVC, which plays the H.264 ones instead.
 */
final class HlsCodecs {

	/** The init section (ftyp and moov) comes first and is a few kilobytes. */
	private static final int INIT_BYTES = 64 * 1024;

	private HlsCodecs() {
	}

	/** The rendition's codec string, or null when its init section holds no configuration known here. */
	static @Nullable String of(Path file) throws IOException {
		byte[] head;
		try (InputStream in = Files.newInputStream(file)) {
			head = in.readNBytes(INIT_BYTES);
		}
		return of(head);
	}

	static @Nullable String of(byte[] b) {
		int avc = box(b, "avcC");
		if (avc >= 0 && avc + 4 <= b.length) {
			return String.format(Locale.ROOT, "avc1.%02x%02x%02x", b[avc + 1] & 0xff, b[avc + 2] & 0xff,
					b[avc + 3] & 0xff);
		}
		int hevc = box(b, "hvcC");
		if (hevc >= 0 && hevc + 13 <= b.length) {
			return hevc(b, hevc, box(b, "hvc1") >= 0 ? "hvc1" : "hev1");
		}
		int av1 = box(b, "av1C");
		if (av1 >= 0 && av1 + 3 <= b.length) {
			int profile = (b[av1 + 1] & 0xff) >> 5;
			int level = b[av1 + 1] & 0x1f;
			boolean high = (b[av1 + 2] & 0x80) != 0;
			boolean highBitDepth = (b[av1 + 2] & 0x40) != 0;
			boolean twelveBit = (b[av1 + 2] & 0x20) != 0;
			int depth = highBitDepth ? (twelveBit ? 12 : 10) : 8;
			return String.format(Locale.ROOT, "av01.%d.%02d%s.%02d", profile, level, high ? "H" : "M", depth);
		}
		// AAC is written as AAC LC: what Reelgate encodes, and what a copied AAC track almost always is; a decoder
		// that takes LC also plays HE-AAC, whose extension it finds in the stream.
		return box(b, "mp4a") >= 0 ? "mp4a.40.2" : null;
	}

	/** ISO/IEC 14496-15 Annex E: profile space and profile, compatibility flags reversed, tier and level, constraints. */
	private static String hevc(byte[] b, int at, String entry) {
		int first = b[at + 1] & 0xff;
		String space = new String[] { "", "A", "B", "C" }[first >> 6];
		boolean high = (first & 0x20) != 0;
		int profile = first & 0x1f;
		long flags = ((b[at + 2] & 0xffL) << 24) | ((b[at + 3] & 0xffL) << 16) | ((b[at + 4] & 0xffL) << 8)
				| (b[at + 5] & 0xffL);
		long reversed = Integer.toUnsignedLong(Integer.reverse((int) flags));
		StringBuilder codec = new StringBuilder(entry).append('.').append(space).append(profile).append('.')
			.append(Long.toHexString(reversed).toUpperCase(Locale.ROOT)).append('.').append(high ? 'H' : 'L')
			.append(b[at + 12] & 0xff);
		int last = 5;
		while (last >= 0 && b[at + 6 + last] == 0) {
			last--;
		}
		for (int i = 0; i <= last; i++) {
			codec.append('.').append(Integer.toHexString(b[at + 6 + i] & 0xff).toUpperCase(Locale.ROOT));
		}
		return codec.toString();
	}

	/** Where the first box of a type has its content (after its size and type), or -1. */
	private static int box(byte[] b, String type) {
		byte[] t = type.getBytes(StandardCharsets.US_ASCII);
		for (int i = 4; i + 4 <= b.length; i++) {
			if (b[i] == t[0] && b[i + 1] == t[1] && b[i + 2] == t[2] && b[i + 3] == t[3]) {
				return i + 4;
			}
		}
		return -1;
	}
}
