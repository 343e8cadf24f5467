package io.reelgate.library;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.shared.BundleFileId;
import io.reelgate.shared.BundleId;
import io.reelgate.support.Fixtures;
import io.reelgate.support.IntegrationTest;
import io.reelgate.support.TestVideos;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;

/**
 * Captions from the studio editor to the player: added as SRT or WebVTT (a bad file refused with its line named),
 * listed on the bundle page before buying, served as {@code <track>} files and as HLS subtitle renditions that
 * ffprobe reads through the signed master playlist, refused with an altered token, and gone with their file.
 */
@IntegrationTest
class CaptionsTests {

	private static final Pattern HLS_URL = Pattern.compile("data-hls=\"([^\"]+)\"");

	private static final Pattern TRACK = Pattern
		.compile("<track\\s+kind=\"subtitles\"\\s+src=\"([^\"]+)\"\\s+srclang=\"([^\"]+)\"\\s+label=\"([^\"]+)\"");

	private static final String SRT = "1\r\n00:00:00,200 --> 00:00:01,800\r\nHello <i>there</i>\r\n";

	private static final String VTT = "WEBVTT\n\n00:00.200 --> 00:01.800\nBonjour\n";

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MessageSource messages;

	@LocalServerPort
	int port;

	private AccountPrincipal creator;

	private BundleId bundle;

	private BundleFileId film;

	@BeforeEach
	void aPublishedFilm() {
		TestVideos.requireFfmpeg();
		creator = fixtures.creator();
		bundle = fixtures.published(creator, Fixtures.unique("Captioned"), TestVideos.video(), "9.99", "USD");
		film = new BundleFileId(jdbc.sql("select id from bundle_files where bundle_id = ?").param(bundle.value())
			.query(UUID.class).single());
	}

	@Test
	void captionsAddedInTheEditorAreListedBeforeBuyingAndPlayAsTracksAndSubtitleRenditions() throws Exception {
		add(creator, film, "captions.srt", SRT, "en", "").andExpect(flash().attribute("success", "caption.added"));
		add(creator, film, "sous-titres.vtt", VTT, "fr", "").andExpect(flash().attribute("success", "caption.added"));
		assertThat(page("/studio/bundles/" + bundle, creator)).contains("English (en)", "Français (fr)");
		assertThat(mvc.perform(get("/bundles/{id}", bundle)).andReturn().getResponse().getContentAsString())
			.contains("Subtitles: English, Français");

		AccountPrincipal buyer = fixtures.viewer();
		buy(buyer);
		awaitReady();
		String watch = page("/watch/" + film, buyer);
		Matcher track = TRACK.matcher(watch);
		assertThat(track.find()).as(watch).isTrue();
		assertThat(track.group(2)).isEqualTo("en");
		assertThat(track.group(3)).isEqualTo("English");
		MockHttpServletResponse vtt = mvc.perform(get(track.group(1))).andReturn().getResponse();
		assertThat(vtt.getStatus()).isEqualTo(200);
		assertThat(vtt.getContentType()).startsWith("text/vtt");
		assertThat(vtt.getContentAsString(StandardCharsets.UTF_8))
			.isEqualTo("WEBVTT\n\n00:00:00.200 --> 00:00:01.800\nHello <i>there</i>\n");

		String master = hlsUrl(watch);
		// RFC 8216: playlists are UTF-8.
		String playlist = mvc.perform(get(master)).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(playlist).contains("#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID=\"subs\",NAME=\"English\",LANGUAGE=\"en\"",
				"NAME=\"Français\",LANGUAGE=\"fr\"", "SUBTITLES=\"subs\"");
		// ffprobe, which nobody here wrote, reads the stream through the master playlist and each subtitle rendition
		// through its media playlist, as WebVTT.
		assertThat(ffprobeCodecs(master)).contains("h264", "aac");
		String base = master.substring(0, master.length() - "master.m3u8".length());
		Matcher subtitles = Pattern.compile("URI=\"(s-[0-9a-f-]+\\.m3u8)\"").matcher(playlist);
		int renditions = 0;
		while (subtitles.find()) {
			assertThat(ffprobeCodecs(base + subtitles.group(1))).contains("webvtt");
			renditions++;
		}
		assertThat(renditions).isEqualTo(2);

		String altered = base.replaceFirst("/[^/]+/$", "/" + "A".repeat(43) + "/");
		String vttName = track.group(1).substring(track.group(1).lastIndexOf('/') + 1);
		assertThat(mvc.perform(get(altered + vttName)).andReturn().getResponse().getStatus()).isEqualTo(403);
		String stranger = page("/watch/" + film, fixtures.viewer());
		assertThat(stranger).doesNotContain("<track");
	}

	@Test
	void aBadCaptionFileIsRefusedWithAMessageNamingTheLineAndNothingIsStored() throws Exception {
		String broken = SRT + "\r\n2\r\n00:00:02 --> 00:00:03,000\r\nNo milliseconds\r\n";
		Object[] arguments = (Object[]) add(creator, film, "broken.srt", broken, "en", "")
			.andExpect(flash().attribute("error", "caption.invalid.timing"))
			.andReturn()
			.getFlashMap()
			.get("errorArgs");
		// What the layout shows for the flash message (#messages.msgWithParams).
		assertThat(messages.getMessage("caption.invalid.timing", arguments, Locale.ENGLISH))
			.isEqualTo("Line 6: expected a cue timing such as 00:01:02.500 --> 00:01:04.000.");

		byte[] latin1 = "1\n00:00:00,200 --> 00:00:01,000\nCaf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
		mvc.perform(multipart("/studio/bundles/{id}/files/{fid}/captions", bundle, film)
			.file(new MockMultipartFile("captions", "latin1.srt", "application/x-subrip", latin1))
			.param("language", "fr").with(user(creator)).with(csrf()))
			.andExpect(flash().attribute("error", "caption.invalid.encoding"));
		add(creator, film, "c.vtt", VTT, "not a language", "").andExpect(flash().attribute("error",
				"caption.language.invalid"));
		add(creator, film, "c.vtt", VTT, "fr", "Say \"hi\"").andExpect(flash().attribute("error",
				"caption.label.invalid"));
		add(creator, film, "big.vtt", VTT + "x".repeat(600 * 1024), "fr", "").andExpect(flash().attribute("error",
				"caption.tooLarge"));
		add(creator, film, "c.vtt", VTT, "fr", "").andExpect(flash().attribute("success", "caption.added"));
		add(creator, film, "c.vtt", VTT, "fr", "français").andExpect(flash().attribute("error", "caption.duplicate"));
		assertThat(jdbc.sql("select count(*) from captions where file_id = ?").param(film.value()).query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void onlyTheCreatorAddsOrRemovesCaptionsAndOnlyToTheirOwnVideos() throws Exception {
		AccountPrincipal other = fixtures.creator();
		assertThat(add(other, film, "c.vtt", VTT, "en", "").andReturn().getResponse().getStatus()).isEqualTo(404);
		BundleId notes = fixtures.draft(creator, Fixtures.unique("Notes"), "just text".getBytes(), "9.99", "USD");
		BundleFileId text = new BundleFileId(jdbc.sql("select id from bundle_files where bundle_id = ?")
			.param(notes.value()).query(UUID.class).single());
		assertThat(add(creator, text, "c.vtt", VTT, "en", "").andReturn().getResponse().getStatus()).isEqualTo(404);
		assertThat(mvc.perform(multipart("/studio/bundles/{id}/files/{fid}/captions", notes, film)
			.file(new MockMultipartFile("captions", "c.vtt", "text/vtt", VTT.getBytes(StandardCharsets.UTF_8)))
			.param("language", "en").with(user(creator)).with(csrf())).andReturn().getResponse().getStatus())
			.as("a file of another bundle").isEqualTo(404);

		add(creator, film, "c.vtt", VTT, "fr", "");
		UUID caption = jdbc.sql("select id from captions where file_id = ?").param(film.value()).query(UUID.class)
			.single();
		String key = jdbc.sql("select blob_key from captions where id = ?").param(caption).query(String.class).single();
		assertThat(mvc.perform(post("/studio/bundles/{id}/files/{fid}/captions/{cid}/delete", bundle, film, caption)
			.with(user(other)).with(csrf())).andReturn().getResponse().getStatus()).isEqualTo(404);
		mvc.perform(post("/studio/bundles/{id}/files/{fid}/captions/{cid}/delete", bundle, film, caption)
			.with(user(creator)).with(csrf()))
			.andExpect(flash().attribute("success", "caption.removed"));
		assertThat(jdbc.sql("select count(*) from captions where id = ?").param(caption).query(Long.class).single())
			.isZero();
		assertThat(key).isNotBlank();
	}

	private ResultActions add(AccountPrincipal who, BundleFileId file,
			String name, String content, String language, String label) throws Exception {
		return mvc.perform(multipart("/studio/bundles/{id}/files/{fid}/captions", bundle, file)
			.file(new MockMultipartFile("captions", name, "application/octet-stream",
					content.getBytes(StandardCharsets.UTF_8)))
			.param("language", language)
			.param("label", label)
			.with(user(who))
			.with(csrf()));
	}

	private void buy(AccountPrincipal buyer) throws Exception {
		String payPage = mvc.perform(post("/checkout/{id}", bundle).with(user(buyer)).with(csrf()))
			.andExpect(redirectedUrlPattern("/checkout/simulated/*"))
			.andReturn().getResponse().getRedirectedUrl();
		mvc.perform(post(payPage + "/pay").with(user(buyer)).with(csrf())).andExpect(redirectedUrl("/library"));
	}

	private void awaitReady() {
		await().atMost(Duration.ofSeconds(90)).until(() -> jdbc.sql("select state from hls_packages where file_id = ?")
			.param(film.value()).query(String.class).optional().filter(s -> s.equals("READY")).isPresent());
	}

	private String page(String path, AccountPrincipal who) throws Exception {
		return mvc.perform(get(path).with(user(who))).andReturn().getResponse().getContentAsString();
	}

	private static String hlsUrl(String page) {
		Matcher matcher = HLS_URL.matcher(page);
		assertThat(matcher.find()).as("the player page has an HLS URL").isTrue();
		return matcher.group(1).replace("&amp;", "&");
	}

	private List<String> ffprobeCodecs(String path) throws Exception {
		Process process = new ProcessBuilder(List.of("ffprobe", "-v", "error", "-show_entries", "stream=codec_name",
				"-of", "default=noprint_wrappers=1:nokey=1", "http://127.0.0.1:" + port + path))
			.redirectErrorStream(true)
			.start();
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.exitValue()).as(out).isZero();
		return out.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
	}
}
