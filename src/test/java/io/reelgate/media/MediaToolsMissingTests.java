package io.reelgate.media;

import java.util.Random;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.catalog.Catalog;
import io.reelgate.catalog.FileView;
import io.reelgate.shared.BundleId;
import io.reelgate.support.Fixtures;
import io.reelgate.support.IntegrationTest;
import io.reelgate.support.TestVideos;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

/**
 * Without ffprobe (here: configured at a path that does not exist) uploads work and pages leave the facts out. The
 * shared context's tools are looked up again at those paths for each test and at the configured ones afterwards.
 */
@IntegrationTest
class MediaToolsMissingTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Catalog catalog;

	@Autowired
	MediaTools tools;

	@Autowired
	MediaProperties properties;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void configureToolsAtPathsThatDoNotExist() {
		tools.locate(new MediaProperties(true, "/nonexistent/ffprobe", "/nonexistent/ffmpeg", properties.timeout(),
				properties.backlogInterval()));
	}

	@AfterEach
	void locateTheConfiguredTools() {
		tools.locate(properties);
	}

	@Test
	void uploadsWorkAndPagesOmitTheMediaFacts() throws Exception {
		assertThat(tools.ffprobe()).isEmpty();
		assertThat(tools.ffmpeg()).isEmpty();
		AccountPrincipal creator = fixtures.creator();
		BundleId bundle = fixtures.draft(creator, Fixtures.unique("Unprobed"), "notes".getBytes());

		mvc.perform(multipart("/studio/bundles/{id}/files", bundle)
			.file(new MockMultipartFile("file", "film.mp4", "video/mp4", video())).with(user(creator)).with(csrf()))
			.andExpect(result -> assertThat(result.getFlashMap().get("success")).isEqualTo("upload.done"));
		FileView film = catalog.editable(creator.accountId(), bundle).files().get(1);
		assertThat(film.contentType()).isEqualTo("video/mp4");

		// The listener has had its turn once its publication is complete.
		await().until(() -> jdbc.sql("""
				select count(*) from event_publication
				where event_type like '%BundleFileAdded' and serialized_event like :file and completion_date is not null
				""").param("file", "%" + film.id() + "%").query(Long.class).single() == 1);
		FileView after = catalog.editable(creator.accountId(), bundle).files().get(1);
		assertThat(after.media()).isNull();
		assertThat(after.hasPoster()).isFalse();

		fixtures.publish(creator, bundle);
		for (String page : new String[] { "/studio/bundles/" + bundle, "/bundles/" + bundle }) {
			assertThat(mvc.perform(get(page).with(user(creator))).andReturn().getResponse().getContentAsString())
				.contains("film.mp4").doesNotContain("media-facts").doesNotContain("Use poster frame as cover");
		}
	}

	/** A real video where ffmpeg exists to make one; elsewhere bytes that merely start like one, which is all this needs. */
	private static byte[] video() {
		if (TestVideos.ffmpegInstalled()) {
			return TestVideos.video();
		}
		byte[] bytes = new byte[4096];
		new Random(3).nextBytes(bytes);
		byte[] header = "\0\0\0\u0018ftypmp42\0\0\0\0mp42isom".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
		System.arraycopy(header, 0, bytes, 0, header.length);
		return bytes;
	}
}
