package io.reelgate.catalog;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A file's type comes from its bytes; the name only breaks ties for formats without a signature. */
class ContentTypesTests {

	private final ContentTypes types = new ContentTypes(new CatalogProperties(DataSize.ofGigabytes(20),
			DataSize.ofMegabytes(10), DataSize.ofGigabytes(500),
			List.of("video/*", "audio/*", "image/*", "application/pdf", "text/plain", "application/zip"), null, "USD"));

	@Test
	void signaturesWinOverTheName() throws Exception {
		byte[] png = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R' };
		assertThat(detect(png, "film.mp4")).isEqualTo("image/png");
		assertThat(detect("%PDF-1.7\n%âãÏÓ\n".getBytes(StandardCharsets.ISO_8859_1), "notes.mp4"))
			.isEqualTo("application/pdf");
		assertThat(detect(new byte[] { 'P', 'K', 3, 4, 20, 0, 0, 0 }, "extras.bin")).isEqualTo("application/zip");
	}

	@Test
	void withoutASignatureTheNameDecides() throws Exception {
		byte[] noise = new byte[70_000];
		new Random(5).nextBytes(noise);
		noise[0] = 0x01;
		assertThat(detect(noise, "Trailer.mov")).isEqualTo("video/quicktime");
		assertThat(detect("INT. CINEMA - NIGHT\n".getBytes(StandardCharsets.UTF_8), "script.txt")).isEqualTo("text/plain");
	}

	@Test
	void typesOutsideTheAllowListAreRefused() {
		byte[] html = "<!DOCTYPE html><html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
		assertThatThrownBy(() -> detect(html, "film.mp4")).isInstanceOf(CatalogException.class).hasMessage("upload.type");
		byte[] exe = new byte[512];
		exe[0] = 'M';
		exe[1] = 'Z';
		assertThatThrownBy(() -> detect(exe, "film.mp4")).isInstanceOf(CatalogException.class);
		byte[] noise = new byte[1000];
		new Random(6).nextBytes(noise);
		noise[0] = 0x01;
		assertThatThrownBy(() -> detect(noise, "setup.exe")).isInstanceOf(CatalogException.class);
	}

	@Test
	void theSameMatroskaBytesAreJudgedAlikeWhateverTheFileIsCalled() throws Exception {
		// The EBML header as ffmpeg and mkvmerge write it: the DocType comes after the version fields.
		byte[] mkv = matroska("matroska");
		byte[] webm = matroska("webm");

		for (String name : new String[] { "film.bin", "film.mkv", "film", "film.mp4", "film.txt" }) {
			assertThat(detect(mkv, name)).as(name).isEqualTo("video/x-matroska");
			assertThat(detect(webm, name)).as(name).isEqualTo("video/webm");
		}
		assertThat(types.detect(mkv, "film.mkv")).isEqualTo(types.detect(mkv, "film.bin"));
	}

	@Test
	void aNameNeverTurnsABytesTypeIntoAnAllowedOne() throws Exception {
		// An EBML file of an unknown DocType stays the bare container, refused however it is named.
		byte[] unknown = matroska("unknown!");
		for (String name : new String[] { "clip.bin", "clip.mkv", "clip.webm", "clip.mka" }) {
			assertThatThrownBy(() -> detect(unknown, name)).as(name).isInstanceOf(CatalogException.class);
		}
		// A cut-off header too.
		assertThatThrownBy(() -> detect(java.util.Arrays.copyOf(matroska("matroska"), 12), "clip.mkv"))
			.isInstanceOf(CatalogException.class);
	}

	@Test
	void theStreamStillStartsAtItsFirstByteAfterwards() throws Exception {
		byte[] content = "INT. CINEMA - NIGHT\n".repeat(10_000).getBytes(StandardCharsets.UTF_8);
		BufferedInputStream in = new BufferedInputStream(new ByteArrayInputStream(content), ContentTypes.HEAD_LENGTH);
		types.detectAllowed(in, "script.txt");
		assertThat(in.readAllBytes()).isEqualTo(content);
	}

	/** An EBML header with the given DocType, then noise, as the start of a Matroska file. */
	private static byte[] matroska(String docType) {
		byte[] type = docType.getBytes(StandardCharsets.US_ASCII);
		byte[] fields = { 0x42, (byte) 0x86, (byte) 0x81, 0x01, 0x42, (byte) 0xF7, (byte) 0x81, 0x01, 0x42, (byte) 0xF2,
				(byte) 0x81, 0x04, 0x42, (byte) 0xF3, (byte) 0x81, 0x08 };
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		out.writeBytes(new byte[] { 0x1A, 0x45, (byte) 0xDF, (byte) 0xA3 });
		int size = fields.length + 3 + type.length + 4 + 4;
		out.write(0x80 | size);
		out.writeBytes(fields);
		out.writeBytes(new byte[] { 0x42, (byte) 0x82, (byte) (0x80 | type.length) });
		out.writeBytes(type);
		out.writeBytes(new byte[] { 0x42, (byte) 0x87, (byte) 0x81, 0x04, 0x42, (byte) 0x85, (byte) 0x81, 0x02 });
		byte[] noise = new byte[2000];
		new Random(7).nextBytes(noise);
		out.writeBytes(noise);
		return out.toByteArray();
	}

	private String detect(byte[] content, String name) throws Exception {
		return types.detectAllowed(new BufferedInputStream(new ByteArrayInputStream(content), ContentTypes.HEAD_LENGTH),
				name);
	}
}
