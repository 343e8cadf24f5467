package io.reelgate.media;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;

import javax.imageio.ImageIO;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.catalog.Catalog;
import io.reelgate.catalog.FileView;
import io.reelgate.catalog.MediaInfo;
import io.reelgate.shared.BundleFileId;
import io.reelgate.shared.BundleId;
import io.reelgate.support.Fixtures;
import io.reelgate.support.IntegrationTest;
import io.reelgate.support.Sounds;
import io.reelgate.support.StoredFiles;
import io.reelgate.support.TestVideos;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** ffprobe and ffmpeg on real files, in the background after each upload; needs both installed (see TestVideos). */
@IntegrationTest
class MediaMetadataTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Catalog catalog;

	@Autowired
	MediaBacklogJob backlog;

	@Autowired
	JdbcClient jdbc;

	private AccountPrincipal creator;

	@BeforeEach
	void ffmpegAndACreator() {
		TestVideos.requireFfmpeg();
		creator = fixtures.creator();
	}

	@Test
	void recordsTheDurationResolutionAndCodecsOfAVideoAndShowsThem() throws Exception {
		BundleId bundle = fixtures.draft(creator, Fixtures.unique("Probed"), "notes".getBytes());
		FileView film = probed(bundle, fixtures.addFile(creator, bundle, "film.mp4", TestVideos.video()).id());

		assertThat(film.media()).isEqualTo(new MediaInfo(2000L, 320, 240, "h264", "aac", "mov,mp4,m4a,3gp,3g2,mj2"));
		assertThat(film.hasPoster()).isTrue();
		String editor = page("/studio/bundles/" + bundle);
		assertThat(editor).contains("0:02", "320×240", "H.264/AAC", "Use poster frame as cover");

		fixtures.publish(creator, bundle);
		String publicPage = mvc.perform(get("/bundles/{id}", bundle)).andReturn().getResponse().getContentAsString();
		assertThat(publicPage).contains("0:02", "320×240", "H.264/AAC").doesNotContain("Use poster frame as cover");
		// Buyers read what the file is and how sharp, not its name: the one locked video is the feature film.
		assertThat(publicPage).contains("Feature film", "0:02 · 240p");
	}

	@Test
	void recordsTheDurationAndCodecOfAnAudioFileWithoutAPosterFrame() {
		BundleId bundle = fixtures.draft(creator, Fixtures.unique("Soundtrack"), "notes".getBytes());
		FileView track = probed(bundle, fixtures.addFile(creator, bundle, "theme.wav", Sounds.wav(3)).id());

		assertThat(track.media().durationMillis()).isEqualTo(3000L);
		assertThat(track.media().audioCodec()).isEqualTo("pcm_s16le");
		assertThat(track.media().width()).isNull();
		assertThat(track.media().videoCodec()).isNull();
		assertThat(track.hasPoster()).isFalse();
		assertThat(track.media().codecsText()).isEqualTo("PCM");
	}

	@Test
	void thePosterFrameBecomesTheCoverAsARealJpeg() throws Exception {
		BundleId bundle = fixtures.draft(creator, Fixtures.unique("Poster"), "notes".getBytes());
		BundleFileId film = probed(bundle, fixtures.addFile(creator, bundle, "film.mp4", TestVideos.video()).id()).id();

		mvc.perform(post("/studio/bundles/{id}/files/{file}/poster", bundle, film).with(user(creator)).with(csrf()))
			.andExpect(result -> assertThat(result.getResponse().getRedirectedUrl())
				.isEqualTo("/studio/bundles/" + bundle))
			.andExpect(result -> assertThat(result.getFlashMap().get("success")).isEqualTo("cover.fromPoster.saved"));

		MockHttpServletResponse cover = mvc.perform(get("/bundles/{id}/cover", bundle).with(user(creator)))
			.andReturn().getResponse();
		assertThat(cover.getStatus()).isEqualTo(200);
		assertThat(cover.getContentType()).isEqualTo("image/jpeg");
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(cover.getContentAsByteArray()));
		assertThat(image.getWidth()).isEqualTo(320);
		assertThat(image.getHeight()).isEqualTo(240);
	}

	@Test
	void anotherCreatorCannotTurnSomeoneElsesPosterFrameIntoACover() throws Exception {
		BundleId bundle = fixtures.draft(creator, Fixtures.unique("Victim"), "notes".getBytes());
		BundleFileId film = probed(bundle, fixtures.addFile(creator, bundle, "film.mp4", TestVideos.video()).id()).id();
		AccountPrincipal attacker = fixtures.creator();
		BundleId own = fixtures.draft(attacker, Fixtures.unique("Attacker"), "notes".getBytes());

		assertThat(mvc.perform(post("/studio/bundles/{id}/files/{file}/poster", bundle, film).with(user(attacker))
			.with(csrf())).andReturn().getResponse().getStatus()).isEqualTo(404);
		// The victim's file under the attacker's own bundle is not theirs either.
		assertThat(mvc.perform(post("/studio/bundles/{id}/files/{file}/poster", own, film).with(user(attacker))
			.with(csrf())).andReturn().getResponse().getStatus()).isEqualTo(404);

		assertThat(catalog.editable(creator.accountId(), bundle).summary().hasCover()).isFalse();
		assertThat(catalog.editable(attacker.accountId(), own).summary().hasCover()).isFalse();
	}

	@Test
	void aCorruptVideoIsKeptWithNothingRecordedAndNoPosterFrame() throws Exception {
		BundleId bundle = fixtures.draft(creator, Fixtures.unique("Corrupt"), "notes".getBytes());
		byte[] corrupt = new byte[4096];
		new Random(7).nextBytes(corrupt);
		byte[] header = "\0\0\0\u0018ftypmp42\0\0\0\0mp42isom".getBytes(StandardCharsets.ISO_8859_1);
		System.arraycopy(header, 0, corrupt, 0, header.length);

		mvc.perform(multipart("/studio/bundles/{id}/files", bundle)
			.file(new MockMultipartFile("file", "broken.mp4", "video/mp4", corrupt)).with(user(creator)).with(csrf()))
			.andExpect(result -> assertThat(result.getFlashMap().get("success")).isEqualTo("upload.done"));
		FileView broken = catalog.editable(creator.accountId(), bundle).files().stream()
			.filter(f -> f.name().equals("broken.mp4")).findFirst().orElseThrow();
		assertThat(broken.contentType()).isEqualTo("video/mp4");

		FileView probed = probed(bundle, broken.id());
		assertThat(probed.media()).isEqualTo(MediaInfo.NONE);
		assertThat(probed.hasPoster()).isFalse();
		assertThat(page("/studio/bundles/" + bundle)).contains("broken.mp4").doesNotContain("media-facts")
			.doesNotContain("Use poster frame as cover");
	}

	@Test
	void aFileNameThatLooksLikeAnOptionOrAProtocolIsJustAName() throws Exception {
		BundleId bundle = fixtures.draft(creator, Fixtures.unique("Hostile"), "notes".getBytes());
		String[] names = { "-y -f concat -i x.mp4", "concat:film.mp4|x.mp4", "-version.mp4" };
		for (String name : names) {
			mvc.perform(multipart("/studio/bundles/{id}/files", bundle)
				.file(new MockMultipartFile("file", name, "video/mp4", TestVideos.video())).with(user(creator))
				.with(csrf()));
		}
		for (FileView file : catalog.editable(creator.accountId(), bundle).files()) {
			if (file.name().equals("film.mp4")) {
				continue;
			}
			FileView probed = probed(bundle, file.id());
			assertThat(probed.media().durationMillis()).as(file.name()).isEqualTo(2000L);
			assertThat(probed.media().videoCodec()).as(file.name()).isEqualTo("h264");
			assertThat(probed.hasPoster()).as(file.name()).isTrue();
		}
		assertThat(catalog.editable(creator.accountId(), bundle).files()).extracting(FileView::name)
			.contains("-y -f concat -i x.mp4", "concat:film.mp4|x.mp4", "-version.mp4");
		assertThat(Files.exists(Path.of("x.mp4"))).isFalse();
		assertThat(Files.exists(Path.of("-version.mp4"))).isFalse();
	}

	@Test
	void removingAProbedFileDeletesItsPosterFrameToo() throws Exception {
		BundleId bundle = fixtures.draft(creator, Fixtures.unique("Removed"), "notes".getBytes());
		BundleFileId film = probed(bundle, fixtures.addFile(creator, bundle, "film.mp4", TestVideos.video()).id()).id();
		// Packaging for online playback stores blobs of its own after each probe: let it finish before counting.
		await().atMost(Duration.ofSeconds(90)).until(() -> jdbc.sql(
				"select count(*) from hls_packages where state in ('QUEUED', 'PACKAGING')").query(Long.class).single() == 0);
		long blobs = StoredFiles.count();

		mvc.perform(post("/studio/bundles/{id}/files/{file}/delete", bundle, film).param("confirmed", "true").with(user(creator)).with(csrf()));

		assertThat(StoredFiles.count()).isEqualTo(blobs - 2);
	}

	@Test
	void theBacklogJobProbesFilesThatWereNeverProbed() throws Exception {
		BundleId bundle = fixtures.draft(creator, Fixtures.unique("Backlog"), "notes".getBytes());
		BundleFileId film = probed(bundle, fixtures.addFile(creator, bundle, "film.mp4", TestVideos.video()).id()).id();
		// Packaging for online playback stores blobs of its own after each probe: let it finish before counting.
		await().atMost(Duration.ofSeconds(90)).until(() -> jdbc.sql(
				"select count(*) from hls_packages where state in ('QUEUED', 'PACKAGING')").query(Long.class).single() == 0);
		long blobs = StoredFiles.count();
		// As if it had been uploaded while ffprobe was missing (its poster frame kept, to be replaced).
		jdbc.sql("""
				update bundle_files set media_probed_at = null, duration_ms = null, width = null, height = null,
				video_codec = null, audio_codec = null, container_format = null where id = :id
				""").param("id", film.value()).update();
		assertThat(file(bundle, film).media()).isNull();

		assertThat(backlog.probeBacklog(Instant.now().minusSeconds(3600))).isZero();
		while (backlog.probeBacklog(Instant.now().plusSeconds(1)) > 0) {
			// until every file without metadata has been probed
		}

		FileView again = file(bundle, film);
		assertThat(again.media()).isEqualTo(new MediaInfo(2000L, 320, 240, "h264", "aac", "mov,mp4,m4a,3gp,3g2,mj2"));
		assertThat(again.hasPoster()).isTrue();
		assertThat(StoredFiles.count()).as("the replaced poster frame is deleted").isEqualTo(blobs);
	}

	private FileView file(BundleId bundle, BundleFileId file) {
		return catalog.editable(creator.accountId(), bundle).files().stream().filter(f -> f.id().equals(file))
			.findFirst().orElseThrow();
	}

	private FileView probed(BundleId bundle, BundleFileId file) {
		return await().atMost(Duration.ofSeconds(30)).until(() -> catalog.editable(creator.accountId(), bundle)
			.files().stream().filter(f -> f.id().equals(file) && f.media() != null).findFirst().orElse(null),
				f -> f != null);
	}

	private String page(String path) throws Exception {
		return mvc.perform(get(path).with(user(creator))).andReturn().getResponse().getContentAsString();
	}
}
