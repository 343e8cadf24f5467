package io.reelgate.analytics;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.catalog.CatalogService;
import io.reelgate.catalog.FileView;
import io.reelgate.shared.BundleId;
import io.reelgate.support.Fixtures;
import io.reelgate.support.IntegrationTest;
import io.reelgate.support.Sounds;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Preview streams counted when playback starts, once per visitor and day; library downloads from the library. */
@IntegrationTest
class StreamsAndDownloadsTests {

	private static final String FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0";

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	CatalogService catalog;

	@Autowired
	Rollups rollups;

	@Autowired
	AnalyticsReports reports;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aPreviewStreamCountsWhenPlaybackStartsOncePerVisitorAndDay() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		BundleId bundle = fixtures.published(creator, Fixtures.unique("Trailer"), "film".getBytes());
		FileView trailer = fixtures.addFile(creator, bundle, "trailer.wav", Sounds.wav(2));
		fixtures.as(creator, () -> {
			catalog.unlockFile(creator.accountId(), bundle, trailer.id(), true);
			return null;
		});
		String url = "/bundles/" + bundle + "/previews/" + trailer.id();

		mvc.perform(get(url).header("User-Agent", FIREFOX).with(address("10.9.0.1"))).andExpect(status().isOk());
		mvc.perform(get(url).header("User-Agent", FIREFOX).header("Range", "bytes=0-").with(address("10.9.0.1")))
			.andExpect(status().isPartialContent());
		mvc.perform(get(url).header("User-Agent", FIREFOX + " seeking").header("Range", "bytes=1000-")
			.with(address("10.9.0.2"))).andExpect(status().isPartialContent());
		mvc.perform(head(url).header("User-Agent", FIREFOX + " head").with(address("10.9.0.3")))
			.andExpect(status().isOk());
		mvc.perform(get(url).header("User-Agent", "Googlebot/2.1").with(address("10.9.0.4"))).andExpect(status().isOk());
		mvc.perform(get(url).header("User-Agent", FIREFOX).with(user(creator))).andExpect(status().isOk());
		mvc.perform(get(url).header("User-Agent", FIREFOX).header("Range", "bytes=0-99").with(address("10.9.0.5")))
			.andExpect(status().isPartialContent());

		assertThat(today(creator, bundle).totals().streams()).isEqualTo(2);
	}

	@Test
	void aPreviewPlayedOnThePlayerPageCountsOncePerVisitorAndDayAndOnlyForUnlockedFiles() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		BundleId bundle = fixtures.published(creator, Fixtures.unique("Player trailer"), Sounds.wav(2));
		FileView trailer = fixtures.addFile(creator, bundle, "trailer.wav", Sounds.wav(2));
		fixtures.as(creator, () -> {
			catalog.unlockFile(creator.accountId(), bundle, trailer.id(), true);
			return null;
		});
		String played = "/bundles/" + bundle + "/previews/" + trailer.id() + "/played";
		assertThat(mvc.perform(get("/watch/{id}", trailer.id())).andReturn().getResponse().getContentAsString())
			.contains("data-played=\"" + played + "\"");

		mvc.perform(post(played).header("User-Agent", FIREFOX).with(address("10.9.1.1")).with(csrf()))
			.andExpect(status().isNoContent());
		mvc.perform(post(played).header("User-Agent", FIREFOX).with(address("10.9.1.1")).with(csrf()))
			.andExpect(status().isNoContent());
		mvc.perform(post(played).header("User-Agent", FIREFOX).with(address("10.9.1.2")).with(csrf()))
			.andExpect(status().isNoContent());
		mvc.perform(post(played).header("User-Agent", "Googlebot/2.1").with(address("10.9.1.3")).with(csrf()))
			.andExpect(status().isNoContent());
		mvc.perform(post(played).header("User-Agent", FIREFOX).with(user(creator)).with(csrf()))
			.andExpect(status().isNoContent());
		mvc.perform(post(played).header("User-Agent", FIREFOX).with(address("10.9.1.4")))
			.andExpect(status().isForbidden());
		UUID film = jdbc.sql("select id from bundle_files where bundle_id = ? and not unlocked")
			.param(bundle.value()).query(UUID.class).single();
		String locked = "/bundles/" + bundle + "/previews/" + film + "/played";
		mvc.perform(post(locked).header("User-Agent", FIREFOX).with(address("10.9.1.5")).with(csrf()))
			.andExpect(status().isNotFound());

		assertThat(today(creator, bundle).totals().streams()).isEqualTo(2);
	}

	@Test
	void aFileFetchedFromTheLibraryCountsAsOneDownloadADayWhateverTheRequests() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		BundleId bundle = fixtures.published(creator, Fixtures.unique("Downloaded"), "film".getBytes());
		FileView extras = fixtures.addFile(creator, bundle, "extras.txt", "extras".getBytes());
		AccountPrincipal viewer = fixtures.viewer();
		mvc.perform(post("/checkout/{id}", bundle).with(user(viewer)).with(csrf()));

		mvc.perform(get("/downloads/" + extras.id()).with(user(viewer))).andExpect(status().isOk());
		mvc.perform(get("/downloads/" + extras.id()).header("Range", "bytes=2-").with(user(viewer)))
			.andExpect(status().isPartialContent());

		AnalyticsReport report = today(creator, bundle);
		assertThat(report.totals().downloads()).isEqualTo(1);
		assertThat(reports.report(creator.accountId(), null, report.range()).totals().downloads()).isEqualTo(1);
	}

	private AnalyticsReport today(AccountPrincipal creator, BundleId bundle) {
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		rollups.rollUp(List.of(today));
		return reports.report(creator.accountId(), bundle, new DateRange(today, today));
	}

	private static RequestPostProcessor address(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}
}
