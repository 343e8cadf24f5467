package io.reelgate.storage;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ContentDispositionsTests {

	@Test
	void givesAnAsciiFallbackAndAnRfc5987Utf8Name() {
		assertThat(BlobDownload.ContentDispositions.of(true, "Amélie (2001).mp4"))
			.isEqualTo("attachment; filename=\"Am_lie (2001).mp4\"; filename*=UTF-8''Am%C3%A9lie%20%282001%29.mp4");
	}

	@Test
	void neutralisesQuotesBackslashesAndHeaderInjection() {
		String header = BlobDownload.ContentDispositions.of(false, "a\"b\\c\r\nSet-Cookie: x.txt");
		assertThat(header).startsWith("inline; filename=\"a_b_c__Set-Cookie: x.txt\"");
		assertThat(header).doesNotContain("\r").doesNotContain("\n");
	}
}
