package io.reelgate.catalog;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UploadNamingTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
			film.mp4                  | film.mp4
			../../etc/passwd          | passwd
			C:\\Users\\me\\trailer.mov | trailer.mov
			.htaccess                 | htaccess
			NULL                      | file
			'   '                     | file
			""")
	void keepsOnlyASafeBaseName(String original, String expected) {
		assertThat(FileNames.displayName(original)).isEqualTo(expected);
	}

	@Test
	void stripsControlAndBidiOverrideCharacters() {
		assertThat(FileNames.displayName("evil\u202Egnp.exe")).isEqualTo("evilgnp.exe");
		assertThat(FileNames.displayName("a\r\nb\u0000.txt")).isEqualTo("ab.txt");
	}

	@Test
	void normalisesUnicodeToComposedForm() {
		assertThat(FileNames.displayName("Ame\u0301lie.mp4")).isEqualTo("Amélie.mp4");
	}

	@Test
	void recognisesRasterImagesFromTheirBytesOnly() {
		assertThat(ImageTypes.detect(new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A })).contains("image/png");
		assertThat(ImageTypes.detect(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0 })).contains("image/jpeg");
		assertThat(ImageTypes.detect("<svg onload=alert(1)>".getBytes())).isEmpty();
		assertThat(ImageTypes.detect("<html>".getBytes())).isEmpty();
	}
}
