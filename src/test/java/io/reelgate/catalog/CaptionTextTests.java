package io.reelgate.catalog;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Caption files as creators bring them: WebVTT kept clean, SRT converted, and every mistake named by its line. */
class CaptionTextTests {

	@Test
	void convertsSrtToWebVttWithItsStylingTagsAndEscapesTheRest() {
		String srt = """
				1
				00:00:01,000 --> 00:00:02,500
				<i>Hello</i>, <font color="red">world</font>
				{\\an8}Fish & chips <3

				2
				01:02:03,004 --> 01:02:04,000
				Bye
				""".replace("\n", "\r\n");
		assertThat(CaptionText.toWebVtt(bytes("\uFEFF" + srt))).isEqualTo("""
				WEBVTT

				00:00:01.000 --> 00:00:02.500
				<i>Hello</i>, world
				Fish &amp; chips &lt;3

				01:02:03.004 --> 01:02:04.000
				Bye
				""");
	}

	@Test
	void keepsWebVttCuesAndTheirSettingsDropsNotesAndPutsCuesInOrder() {
		String vtt = """
				WEBVTT - a film

				NOTE made by hand

				intro
				00:05.000 --> 00:06.000 align:start line:0 junk
				Second <b>line</b>

				00:00:01.000 --> 00:00:02.000
				First
				""";
		assertThat(CaptionText.toWebVtt(bytes(vtt))).isEqualTo("""
				WEBVTT

				00:00:01.000 --> 00:00:02.000
				First

				00:00:05.000 --> 00:00:06.000 align:start line:0
				Second <b>line</b>
				""");
	}

	@Test
	void namesTheLineOfABadTiming() {
		String srt = "1\n00:00:01,000 --> 00:00:02,000\nFine\n\n2\n00:00:03 --> 00:00:04,000\nBroken\n";
		assertRefused(srt, "caption.invalid.timing", 6);
		assertRefused("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nOk\n\nid\nno timing here\n", "caption.invalid.timing", 7);
		assertRefused("1\n00:00:61,000 --> 00:01:02,000\nSixty-one seconds\n", "caption.invalid.timing", 2);
	}

	@Test
	void namesTheLineOfACueThatEndsBeforeItStarts() {
		assertRefused("1\n00:00:01,000 --> 00:00:02,000\nA\n\n2\n00:00:05,000 --> 00:00:04,000\nB\n",
				"caption.invalid.order", 6);
	}

	@Test
	void namesTheLineOfBytesThatAreNotUtf8() {
		byte[] latin1 = "1\n00:00:01,000 --> 00:00:02,000\nCaf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
		assertThatThrownBy(() -> CaptionText.toWebVtt(latin1)).isInstanceOfSatisfying(CatalogException.class,
				ex -> {
					assertThat(ex.code()).isEqualTo("caption.invalid.encoding");
					assertThat(ex.arguments()).containsExactly(3);
				});
	}

	@Test
	void refusesControlCharactersArrowsInTextAndFilesWithoutCues() {
		assertRefused("1\n00:00:01,000 --> 00:00:02,000\nNUL\u0000\n", "caption.invalid.characters", 3);
		assertRefused("WEBVTT\n\n00:01.000 --> 00:02.000\nA --> B\n", "caption.invalid.arrowInText", 4);
		assertThatThrownBy(() -> CaptionText.toWebVtt(bytes("WEBVTT\n\nNOTE nothing\n")))
			.isInstanceOfSatisfying(CatalogException.class,
					ex -> assertThat(ex.code()).isEqualTo("caption.invalid.noCues"));
		assertThatThrownBy(() -> CaptionText.toWebVtt(new byte[0])).isInstanceOf(CatalogException.class);
	}

	private static void assertRefused(String text, String code, int line) {
		assertThatThrownBy(() -> CaptionText.toWebVtt(bytes(text))).isInstanceOfSatisfying(CatalogException.class,
				ex -> {
					assertThat(ex.code()).isEqualTo(code);
					assertThat(ex.arguments()).containsExactly(line);
				});
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}
}
