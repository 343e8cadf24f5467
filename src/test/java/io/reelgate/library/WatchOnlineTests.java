package io.reelgate.library;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.catalog.CatalogService;
import io.reelgate.catalog.FileView;
import io.reelgate.shared.BundleFileId;
import io.reelgate.shared.BundleId;
import io.reelgate.storage.BlobStore;
import io.reelgate.support.Fixtures;
import io.reelgate.support.IntegrationTest;
import io.reelgate.support.TestVideos;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;

/**
 * Watching online end to end: files packaged as HLS after their probe, played through signed paths that ffprobe (a
 * client nobody here wrote) follows as any player would, and refused from the attacker's side per segment.
 */
@IntegrationTest
class WatchOnlineTests {

	private static final Pattern HLS_URL = Pattern.compile("data-hls=\"([^\"]+)\"");

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	CatalogService catalogService;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	BlobStore store;

	@LocalServerPort
	int port;

	private AccountPrincipal creator;

	@BeforeEach
	void ffmpegAndACreator() {
		TestVideos.requireFfmpeg();
		creator = fixtures.creator();
	}

	@Test
	void aBuyersH264FilmIsRemuxedAndFfprobeReadsTheWholeStreamThroughTheSignedPath() throws Exception {
		BundleId bundle = fixtures.published(creator, Fixtures.unique("Remux"), TestVideos.video(), "9.99", "USD");
		BundleFileId film = onlyFile(bundle);
		AccountPrincipal buyer = fixtures.viewer();
		buy(buyer, bundle);
		awaitReady(film);

		assertThat(jdbc.sql("select method from hls_packages where file_id = ?").param(film.value())
			.query(String.class).single()).isEqualTo("REMUX");
		assertThat(jdbc.sql("select name from hls_renditions where file_id = ? order by name").param(film.value())
			.query(String.class).list()).containsExactly("a", "v240");
		assertThat(page("/studio/bundles/" + bundle, creator)).contains("Online playback: ready (adaptive stream)");
		assertThat(page("/bundles/" + bundle, buyer)).contains("/watch/" + film);
		assertThat(page("/library", buyer)).contains("/watch/" + film);

		String master = hlsUrl(page("/watch/" + film, buyer));
		assertThat(master).startsWith("/hls/a/" + film + "/" + buyer.accountId() + "/").endsWith("/master.m3u8");
		MockHttpServletResponse playlist = mvc.perform(get(master)).andReturn().getResponse();
		assertThat(playlist.getStatus()).isEqualTo(200);
		assertThat(playlist.getContentType()).startsWith("application/vnd.apple.mpegurl");
		assertThat(playlist.getHeader(HttpHeaders.CACHE_CONTROL)).startsWith("private");
		assertThat(playlist.getContentAsString()).contains("#EXT-X-STREAM-INF:", "RESOLUTION=320x240", "v240.m3u8",
				"URI=\"a.m3u8\"");
		String base = master.substring(0, master.length() - "master.m3u8".length());
		assertThat(mvc.perform(get(base + "v240.m3u8")).andReturn().getResponse().getContentAsString())
			.contains("#EXT-X-MAP:URI=\"v240.m4s\",BYTERANGE=", "#EXT-X-BYTERANGE:", "#EXT-X-ENDLIST");
		MockHttpServletResponse segment = mvc.perform(get(base + "v240.m4s").header(HttpHeaders.RANGE, "bytes=0-7"))
			.andReturn().getResponse();
		assertThat(segment.getStatus()).isEqualTo(206);
		assertThat(segment.getHeader(HttpHeaders.CACHE_CONTROL)).startsWith("private");
		assertThat(new String(segment.getContentAsByteArray(), 4, 4, StandardCharsets.US_ASCII)).isEqualTo("ftyp");

		Probe probe = ffprobe(master);
		assertThat(probe.duration()).isCloseTo(2.0, within(0.1));
		assertThat(probe.codecs()).contains("h264", "aac");
	}

	@Test
	void aFilmInCodecsNoBrowserPlaysIsEncodedToH264AndPlaysAsAPreviewForAnyone() throws Exception {
		BundleId bundle = fixtures.draft(creator, Fixtures.unique("Ladder"), "notes".getBytes(), "9.99", "USD");
		FileView trailer = fixtures.addFile(creator, bundle, "trailer.avi", TestVideos.mpeg4Avi());
		fixtures.as(creator, () -> {
			catalogService.unlockFile(creator.accountId(), bundle, trailer.id(), true);
			return null;
		});
		fixtures.publish(creator, bundle);
		awaitReady(trailer.id());
		assertThat(jdbc.sql("select method from hls_packages where file_id = ?").param(trailer.id().value())
			.query(String.class).single()).isEqualTo("LADDER");

		String bundlePage = mvc.perform(get("/bundles/{id}", bundle)).andReturn().getResponse().getContentAsString();
		assertThat(bundlePage).contains("/watch/" + trailer.id());
		String master = hlsUrl(mvc.perform(get("/watch/{id}", trailer.id())).andReturn().getResponse()
			.getContentAsString());
		assertThat(master).startsWith("/hls/p/" + trailer.id() + "/" + bundle + "/");

		Probe probe = ffprobe(master);
		assertThat(probe.duration()).isCloseTo(2.0, within(0.1));
		assertThat(probe.codecs()).contains("h264", "aac").doesNotContain("mpeg4", "mp3");

		// Hidden by its creator, the bundle's preview stops at the next request.
		fixtures.as(creator, () -> {
			catalogService.unpublish(creator.accountId(), bundle);
			return null;
		});
		assertThat(mvc.perform(get(master)).andReturn().getResponse().getStatus()).isEqualTo(404);
	}

	@Test
	void eachSoundTrackOfADubbedFilmIsAnAlternativeAudioRenditionNamedFromItsLanguage() throws Exception {
		BundleId bundle = fixtures.draft(creator, Fixtures.unique("Dubbed"), "notes".getBytes(), "9.99", "USD");
		FileView film = fixtures.addFile(creator, bundle, "dubbed.mkv", TestVideos.dubbed());
		fixtures.publish(creator, bundle);
		AccountPrincipal buyer = fixtures.viewer();
		buy(buyer, bundle);
		awaitReady(film.id());
		assertThat(jdbc.sql("select name from hls_renditions where file_id = ? order by name").param(film.id().value())
			.query(String.class).list()).containsExactly("a", "a1", "v240");

		String master = hlsUrl(page("/watch/" + film.id(), buyer));
		String playlist = mvc.perform(get(master)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(playlist).contains(
				"#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=\"aud\",NAME=\"English\",LANGUAGE=\"en\",DEFAULT=YES,AUTOSELECT=YES,URI=\"a.m3u8\"",
				"#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=\"aud\",NAME=\"Français\",LANGUAGE=\"fr\",DEFAULT=NO,AUTOSELECT=YES,URI=\"a1.m3u8\"",
				"CODECS=\"avc1.", ",mp4a.40.2\"", "AUDIO=\"aud\"");
		String base = master.substring(0, master.length() - "master.m3u8".length());
		assertThat(status(base + "a1.m4s")).isEqualTo(200);

		Probe probe = ffprobe(master);
		assertThat(probe.duration()).isCloseTo(2.0, within(0.1));
		// ffprobe lists each audio rendition once per program it belongs to.
		assertThat(probe.codecs()).contains("h264").filteredOn("aac"::equals).hasSizeGreaterThanOrEqualTo(2);
	}

	@Test
	void anHevcFilmKeepsH264ForEveryBrowserAndAddsItsOwnPictureWithItsCodecs() throws Exception {
		assumeTrue(TestVideos.hasEncoder("libx265"), "this ffmpeg has no libx265 to make an HEVC clip with");
		BundleId bundle = fixtures.draft(creator, Fixtures.unique("HEVC"), "notes".getBytes(), "9.99", "USD");
		FileView film = fixtures.addFile(creator, bundle, "hevc.mp4", TestVideos.hevc());
		fixtures.publish(creator, bundle);
		AccountPrincipal buyer = fixtures.viewer();
		buy(buyer, bundle);
		awaitReady(film.id());
		assertThat(jdbc.sql("select name from hls_renditions where file_id = ? order by name").param(film.id().value())
			.query(String.class).list()).containsExactly("a", "o240", "v240");

		String master = hlsUrl(page("/watch/" + film.id(), buyer));
		String playlist = mvc.perform(get(master)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(playlist).containsPattern("CODECS=\"avc1\\.64[0-9a-f]{4},mp4a\\.40\\.2\",RESOLUTION=320x240,AUDIO=\"aud\"\nv240\\.m3u8")
			.containsPattern("CODECS=\"hvc1\\.1\\.6\\.L[0-9]+(\\.[0-9A-F]+)*,mp4a\\.40\\.2\",RESOLUTION=320x240,AUDIO=\"aud\"\no240\\.m3u8");
		String base = master.substring(0, master.length() - "master.m3u8".length());
		MockHttpServletResponse init = mvc.perform(get(base + "o240.m4s").header(HttpHeaders.RANGE, "bytes=0-2047"))
			.andReturn().getResponse();
		assertThat(new String(init.getContentAsByteArray(), StandardCharsets.ISO_8859_1)).contains("hvc1", "hvcC");

		Probe probe = ffprobe(master);
		assertThat(probe.duration()).isCloseTo(2.0, within(0.1));
		assertThat(probe.codecs()).contains("h264", "hevc", "aac");
	}

	@Test
	void aCreatorsLadderRequestRepackagesAnH264FilmAsRungsPlusTheOriginalWhileTheRemuxKeepsPlaying() throws Exception {
		BundleId bundle = fixtures.draft(creator, Fixtures.unique("Ladder on request"), "notes".getBytes(), "9.99",
				"USD");
		FileView film = fixtures.addFile(creator, bundle, "film720.mp4", TestVideos.video720());
		fixtures.publish(creator, bundle);
		AccountPrincipal buyer = fixtures.viewer();
		buy(buyer, bundle);
		awaitPackage(film.id(), "REMUX");
		assertThat(renditions(film.id())).containsExactly("a", "v720");
		List<String> remuxBlobs = blobs(film.id());
		assertThat(page("/studio/bundles/" + bundle, creator)).contains("Also encode lower qualities for slow connections");
		String master = hlsUrl(page("/watch/" + film.id(), buyer));
		String base = master.substring(0, master.length() - "master.m3u8".length());

		for (int submit = 0; submit < 2; submit++) {
			// The second submit (a retried form) changes nothing more.
			mvc.perform(post("/studio/bundles/{id}/files/{file}/ladder", bundle, film.id()).param("ladder", "true")
				.with(user(creator)).with(csrf())).andExpect(redirectedUrl("/studio/bundles/" + bundle));
			// Until the new package is ready, the one made before keeps playing.
			assertThat(status(master)).isEqualTo(200);
			assertThat(status(base + "v720.m4s")).isEqualTo(200);
		}
		awaitPackage(film.id(), "LADDER");
		assertThat(renditions(film.id())).containsExactly("a", "o720", "v480", "v720");
		assertThat(page("/studio/bundles/" + bundle, creator)).contains("Adaptive ladder",
				"Stream the original quality only", "Online playback: ready (adaptive stream)");

		String playlist = mvc.perform(get(master)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(playlist).contains("RESOLUTION=1280x720,AUDIO=\"aud\"\nv720.m3u8",
				"RESOLUTION=854x480,AUDIO=\"aud\"\nv480.m3u8", "RESOLUTION=1280x720,AUDIO=\"aud\"\no720.m3u8");
		assertThat(playlist.lines().filter(line -> line.startsWith("#EXT-X-STREAM-INF:"))).hasSize(3);
		Probe probe = ffprobe(master);
		assertThat(probe.duration()).isCloseTo(2.0, within(0.1));
		assertThat(probe.codecs()).contains("h264", "aac");
		// The remux's blobs went with it.
		for (String key : remuxBlobs) {
			assertThatThrownBy(() -> store.open(key, 0).close()).isInstanceOf(IOException.class);
		}

		// Turned off again, the film is packaged once more as it is; the ladder plays until then.
		mvc.perform(post("/studio/bundles/{id}/files/{file}/ladder", bundle, film.id()).param("ladder", "false")
			.with(user(creator)).with(csrf())).andExpect(redirectedUrl("/studio/bundles/" + bundle));
		assertThat(status(base + "v720.m4s")).isEqualTo(200);
		awaitPackage(film.id(), "REMUX");
		assertThat(renditions(film.id())).containsExactly("a", "v720");
		assertThat(ffprobe(master).codecs()).contains("h264", "aac");
	}

	@Test
	void onlyTheFilmsCreatorMayAskForALadder() throws Exception {
		BundleId bundle = fixtures.published(creator, Fixtures.unique("Not yours"), TestVideos.video(), "9.99", "USD");
		BundleFileId film = onlyFile(bundle);
		awaitPackage(film, "REMUX");
		AccountPrincipal otherCreator = fixtures.creator();
		AccountPrincipal viewer = fixtures.viewer();

		assertThat(mvc.perform(post("/studio/bundles/{id}/files/{file}/ladder", bundle, film).param("ladder", "true")
			.with(user(otherCreator)).with(csrf())).andReturn().getResponse().getStatus()).isEqualTo(404);
		assertThat(mvc.perform(post("/studio/bundles/{id}/files/{file}/ladder", bundle, film).param("ladder", "true")
			.with(user(viewer)).with(csrf())).andReturn().getResponse().getStatus()).isEqualTo(403);
		// Their own bundle's id does not open another creator's file either.
		BundleId theirs = fixtures.draft(otherCreator, Fixtures.unique("Theirs"), "notes".getBytes());
		assertThat(mvc.perform(post("/studio/bundles/{id}/files/{file}/ladder", theirs, film).param("ladder", "true")
			.with(user(otherCreator)).with(csrf())).andReturn().getResponse().getStatus()).isEqualTo(404);
		// Nor does the creator's own request go through without the CSRF token.
		assertThat(mvc.perform(post("/studio/bundles/{id}/files/{file}/ladder", bundle, film).param("ladder", "true")
			.with(user(creator))).andReturn().getResponse().getStatus()).isEqualTo(403);

		assertThat(jdbc.sql("select adaptive_ladder from bundle_files where id = ?").param(film.value())
			.query(Boolean.class).single()).isFalse();
		assertThat(jdbc.sql("select state || ' ' || method from hls_packages where file_id = ?").param(film.value())
			.query(String.class).single()).isEqualTo("READY REMUX");

		// A file that is no H.264 video cannot have one asked for, even by its creator.
		BundleId notes = fixtures.draft(creator, Fixtures.unique("Notes"), "notes".getBytes());
		BundleFileId text = onlyFile(notes);
		mvc.perform(post("/studio/bundles/{id}/files/{file}/ladder", notes, text).param("ladder", "true")
			.with(user(creator)).with(csrf()))
			.andExpect(redirectedUrl("/studio/bundles/" + notes))
			.andExpect(flash().attribute("error", "file.ladder.notH264"));
		assertThat(jdbc.sql("select adaptive_ladder from bundle_files where id = ?").param(text.value())
			.query(Boolean.class).single()).isFalse();
	}

	@Test
	void anAlteredOrForeignTokenIsRefusedOnEverySegment() throws Exception {
		BundleId bundle = fixtures.published(creator, Fixtures.unique("Forged"), TestVideos.video(), "9.99", "USD");
		BundleFileId film = onlyFile(bundle);
		AccountPrincipal buyer = fixtures.viewer();
		buy(buyer, bundle);
		awaitReady(film);
		String master = hlsUrl(page("/watch/" + film, buyer));
		String base = master.substring(0, master.length() - "master.m3u8".length());
		assertThat(status(base + "v240.m4s")).isEqualTo(200);

		String[] parts = base.split("/");
		// parts: "", hls, a, file, account, expiry, signature
		String signature = parts[6];
		String altered = signature.substring(0, 10) + (signature.charAt(10) == 'A' ? 'B' : 'A') + signature.substring(11);
		String forged = String.join("/", "", "hls", "a", parts[3], parts[4], parts[5], altered, "");
		assertThat(status(forged + "master.m3u8")).isEqualTo(403);
		assertThat(status(forged + "v240.m4s")).isEqualTo(403);
		AccountPrincipal stranger = fixtures.viewer();
		String swapped = String.join("/", "", "hls", "a", parts[3], stranger.accountId().toString(), parts[5],
				signature, "");
		assertThat(status(swapped + "v240.m4s")).isEqualTo(403);
		String later = String.join("/", "", "hls", "a", parts[3], parts[4],
				Long.toString(Long.parseLong(parts[5]) + 3600), signature, "");
		assertThat(status(later + "a.m4s")).isEqualTo(403);
		// A genuine path for someone who never bought the bundle opens nothing.
		assertThat(mvc.perform(get("/watch/{id}", film).with(user(stranger))).andReturn().getResponse().getStatus())
			.isEqualTo(404);
		assertThat(status(base.replace(parts[3], UUID.randomUUID().toString()) + "v240.m4s")).isEqualTo(403);
		assertThat(status(base + "x.m4s")).isEqualTo(404);
	}

	@Test
	void anEndedRentalIsRefusedOnTheNextSegment() throws Exception {
		BundleId bundle = fixtures.draft(creator, Fixtures.unique("Rented"), TestVideos.video(), "9.99", "USD");
		fixtures.as(creator, () -> {
			catalogService.offerRental(creator.accountId(), bundle, "2.99", 48);
			return null;
		});
		fixtures.publish(creator, bundle);
		BundleFileId film = onlyFile(bundle);
		AccountPrincipal renter = fixtures.viewer();
		String payPage = mvc.perform(post("/checkout/{id}/rental", bundle).with(user(renter)).with(csrf()))
			.andExpect(redirectedUrlPattern("/checkout/simulated/*"))
			.andReturn().getResponse().getRedirectedUrl();
		mvc.perform(post(payPage + "/pay").with(user(renter)).with(csrf())).andExpect(redirectedUrl("/library"));
		awaitReady(film);

		String master = hlsUrl(page("/watch/" + film, renter));
		String base = master.substring(0, master.length() - "master.m3u8".length());
		assertThat(status(master)).isEqualTo(200);
		assertThat(status(base + "v240.m4s")).isEqualTo(200);
		assertThat(jdbc.sql("select first_played_at is not null from entitlements where account_id = ? and bundle_id = ?")
			.params(renter.accountId().value(), bundle.value()).query(Boolean.class).single()).isTrue();

		jdbc.sql("update entitlements set first_played_at = ? where account_id = ? and bundle_id = ?")
			.params(Instant.now().minus(Duration.ofHours(48)).minusSeconds(1).atOffset(ZoneOffset.UTC),
					renter.accountId().value(), bundle.value())
			.update();

		assertThat(status(base + "v240.m4s")).isEqualTo(410);
		assertThat(status(base + "a.m4s")).isEqualTo(410);
		assertThat(status(master)).isEqualTo(410);
	}

	private BundleFileId onlyFile(BundleId bundle) {
		return new BundleFileId(jdbc.sql("select id from bundle_files where bundle_id = ?").param(bundle.value())
			.query(UUID.class).single());
	}

	private void buy(AccountPrincipal buyer, BundleId bundle) throws Exception {
		String payPage = mvc.perform(post("/checkout/{id}", bundle).with(user(buyer)).with(csrf()))
			.andExpect(redirectedUrlPattern("/checkout/simulated/*"))
			.andReturn().getResponse().getRedirectedUrl();
		mvc.perform(post(payPage + "/pay").with(user(buyer)).with(csrf())).andExpect(redirectedUrl("/library"));
	}

	private void awaitPackage(BundleFileId file, String method) {
		await().atMost(Duration.ofSeconds(120)).until(() -> jdbc.sql(
				"select state || ' ' || method from hls_packages where file_id = ?")
			.param(file.value()).query(String.class).optional().filter(("READY " + method)::equals).isPresent());
	}

	private List<String> renditions(BundleFileId file) {
		return jdbc.sql("select name from hls_renditions where file_id = ? order by name").param(file.value())
			.query(String.class).list();
	}

	private List<String> blobs(BundleFileId file) {
		return jdbc.sql("select blob_key from hls_renditions where file_id = ?").param(file.value())
			.query(String.class).list();
	}

	private void awaitReady(BundleFileId file) {
		await().atMost(Duration.ofSeconds(90)).until(() -> jdbc.sql("select state from hls_packages where file_id = ?")
			.param(file.value()).query(String.class).optional().filter(s -> s.equals("READY")).isPresent());
	}

	private String page(String path, AccountPrincipal who) throws Exception {
		return mvc.perform(get(path).with(user(who))).andReturn().getResponse().getContentAsString();
	}

	private int status(String path) throws Exception {
		return mvc.perform(get(path)).andReturn().getResponse().getStatus();
	}

	private static String hlsUrl(String page) {
		Matcher matcher = HLS_URL.matcher(page);
		assertThat(matcher.find()).as("the player page has an HLS URL").isTrue();
		return matcher.group(1).replace("&amp;", "&");
	}

	private record Probe(double duration, List<String> codecs) {
	}

	/** ffprobe follows the master playlist, a media playlist and its byte ranges, as a player would. */
	private Probe ffprobe(String path) throws Exception {
		Process process = new ProcessBuilder(List.of("ffprobe", "-v", "error", "-show_entries",
				"format=duration:stream=codec_name", "-of", "default=noprint_wrappers=1:nokey=0",
				"http://127.0.0.1:" + port + path))
			.redirectErrorStream(true)
			.start();
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.exitValue()).as(out).isZero();
		double duration = out.lines().filter(l -> l.startsWith("duration=")).mapToDouble(
				l -> Double.parseDouble(l.substring("duration=".length()))).findFirst().orElseThrow();
		List<String> codecs = out.lines().filter(l -> l.startsWith("codec_name="))
			.map(l -> l.substring("codec_name=".length())).toList();
		return new Probe(duration, codecs);
	}
}
