package io.reelgate.library;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.catalog.CatalogService;
import io.reelgate.catalog.FileView;
import io.reelgate.shared.BundleFileId;
import io.reelgate.shared.BundleId;
import io.reelgate.support.Fixtures;
import io.reelgate.support.IntegrationTest;
import io.reelgate.support.TestVideos;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;

/**
 * The resume position kept on the server: reported by the player, upserted per viewer and file, offered on the next
 * visit of that viewer only, and refused from every other side (strangers, anonymous visitors, forged requests
 * without the CSRF token, ended rentals, values no player sends).
 */
@IntegrationTest
class WatchPositionTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	CatalogService catalogService;

	@Autowired
	JdbcClient jdbc;

	private AccountPrincipal creator;

	private BundleId bundle;

	private BundleFileId film;

	private FileView trailer;

	@BeforeEach
	void aProbedTwoSecondFilmAndTrailer() {
		TestVideos.requireFfmpeg();
		creator = fixtures.creator();
		bundle = fixtures.draft(creator, Fixtures.unique("Resume"), TestVideos.video(), "9.99", "USD");
		trailer = fixtures.addFile(creator, bundle, "trailer.mp4", TestVideos.video());
		fixtures.as(creator, () -> {
			catalogService.unlockFile(creator.accountId(), bundle, trailer.id(), true);
			catalogService.offerRental(creator.accountId(), bundle, "2.99", 48);
			return null;
		});
		fixtures.publish(creator, bundle);
		film = new BundleFileId(jdbc.sql("select id from bundle_files where bundle_id = ? and not unlocked")
			.param(bundle.value()).query(UUID.class).single());
		await().atMost(Duration.ofSeconds(60)).until(() -> jdbc
			.sql("select count(*) from bundle_files where bundle_id = ? and duration_ms is not null")
			.param(bundle.value()).query(Long.class).single() == 2);
	}

	@Test
	void aBuyersPositionIsStoredAndOfferedOnTheirNextVisitOnly() throws Exception {
		AccountPrincipal buyer = fixtures.viewer();
		AccountPrincipal otherBuyer = fixtures.viewer();
		buy(buyer, "/checkout/" + bundle);
		buy(otherBuyer, "/checkout/" + bundle);
		assertThat(page(film, buyer)).contains("data-position=\"/watch/" + film + "/position\"")
			.doesNotContain("Resume from");

		assertThat(report(buyer, film, "1.4").getStatus()).isEqualTo(204);
		// A retried report (the keepalive fetch sent twice) leaves the same single row.
		assertThat(report(buyer, film, "1.4").getStatus()).isEqualTo(204);
		assertThat(positionMillis(buyer, film)).isEqualTo(1400);
		assertThat(jdbc.sql("select count(*) from watch_positions where file_id = ?").param(film.value())
			.query(Long.class).single()).isEqualTo(1);

		String page = page(film, buyer);
		assertThat(page).contains("Resume from 0:01", "Start over", "data-resume=\"1.4\"");
		String theirs = page(film, otherBuyer);
		assertThat(theirs).doesNotContain("Resume from", "data-resume");

		// A later report replaces the earlier one.
		assertThat(report(buyer, film, "0.5").getStatus()).isEqualTo(204);
		assertThat(positionMillis(buyer, film)).isEqualTo(500);
		assertThat(page(film, buyer)).doesNotContain("Resume from");
	}

	@Test
	void aFileWatchedToItsEndForgetsItsPositionAndReportsPastTheEndAreBounded() throws Exception {
		AccountPrincipal buyer = fixtures.viewer();
		buy(buyer, "/checkout/" + bundle);
		report(buyer, film, "1.2");
		assertThat(report(buyer, film, "3600").getStatus()).isEqualTo(204);
		assertThat(positionMillis(buyer, film)).isNull();
		assertThat(page(film, buyer)).doesNotContain("Resume from");
	}

	@Test
	void strangersAnonymousVisitorsAndPreviewViewersStoreNothing() throws Exception {
		AccountPrincipal stranger = fixtures.viewer();
		assertThat(report(stranger, film, "1.0").getStatus()).isEqualTo(404);
		// The trailer plays for anyone, but as a preview: no position is kept for it or offered.
		assertThat(page(trailer.id(), stranger)).doesNotContain("data-position");
		assertThat(report(stranger, trailer.id(), "1.0").getStatus()).isEqualTo(404);
		assertThat(mvc.perform(post("/watch/{id}/position", film).param("seconds", "1.0").with(csrf()))
			.andExpect(redirectedUrl("/login")).andReturn().getResponse().getStatus()).isEqualTo(302);
		String anonymous = mvc.perform(get("/watch/{id}", trailer.id())).andReturn().getResponse()
			.getContentAsString();
		// The player is there (HLS or, until packaging is ready, progressive), with nowhere to report a position.
		assertThat(anonymous).contains("<video id=\"player\"").doesNotContain("data-position");
		assertThat(positionsOf(film) + positionsOf(trailer.id())).isZero();
	}

	@Test
	void aReportWithoutTheCsrfTokenOrWithAValueNoPlayerSendsIsRefused() throws Exception {
		AccountPrincipal buyer = fixtures.viewer();
		buy(buyer, "/checkout/" + bundle);
		assertThat(mvc.perform(post("/watch/{id}/position", film).param("seconds", "1.0").with(user(buyer)))
			.andReturn().getResponse().getStatus()).isEqualTo(403);
		for (String bad : new String[] { "NaN", "Infinity", "-1", "1e3", "abc", "", "0x10", "172801",
				"1".repeat(30) }) {
			assertThat(report(buyer, film, bad).getStatus()).as(bad).isEqualTo(400);
		}
		assertThat(mvc.perform(post("/watch/{id}/position", film).with(user(buyer)).with(csrf()))
			.andReturn().getResponse().getStatus()).isEqualTo(400);
		assertThat(report(buyer, new BundleFileId(UUID.randomUUID()), "1.0").getStatus()).isEqualTo(404);
		assertThat(mvc.perform(post("/watch/not-an-id/position").param("seconds", "1").with(user(buyer))
			.with(csrf())).andReturn().getResponse().getStatus()).isEqualTo(404);
		assertThat(positionsOf(film)).isZero();
	}

	@Test
	void aRentersPositionIsKeptWhileTheWindowRunsAndRefusedOnceItEnded() throws Exception {
		AccountPrincipal renter = fixtures.viewer();
		buy(renter, "/checkout/" + bundle + "/rental");
		page(film, renter);
		assertThat(report(renter, film, "1.0").getStatus()).isEqualTo(204);
		jdbc.sql("update entitlements set first_played_at = ? where account_id = ? and bundle_id = ?")
			.params(Instant.now().minus(Duration.ofHours(48)).minusSeconds(1).atOffset(ZoneOffset.UTC),
					renter.accountId().value(), bundle.value())
			.update();
		assertThat(report(renter, film, "1.5").getStatus()).isEqualTo(410);
		assertThat(positionMillis(renter, film)).isEqualTo(1000);
	}

	private MockHttpServletResponse report(AccountPrincipal who, BundleFileId file,
			String seconds) throws Exception {
		MockHttpServletRequestBuilder request = post("/watch/{id}/position", file).param("seconds", seconds)
			.with(user(who))
			.with(csrf());
		return mvc.perform(request).andReturn().getResponse();
	}

	private String page(BundleFileId file, AccountPrincipal who) throws Exception {
		return mvc.perform(get("/watch/{id}", file).with(user(who))).andReturn().getResponse().getContentAsString();
	}

	private Integer positionMillis(AccountPrincipal who, BundleFileId file) {
		return jdbc.sql("select position_ms from watch_positions where account_id = ? and file_id = ?")
			.params(who.accountId().value(), file.value()).query(Integer.class).optional().orElse(null);
	}

	private long positionsOf(BundleFileId file) {
		return jdbc.sql("select count(*) from watch_positions where file_id = ?").param(file.value())
			.query(Long.class).single();
	}

	private void buy(AccountPrincipal who, String checkout) throws Exception {
		String payPage = mvc.perform(post(checkout).with(user(who)).with(csrf()))
			.andExpect(redirectedUrlPattern("/checkout/simulated/*"))
			.andReturn().getResponse().getRedirectedUrl();
		mvc.perform(post(payPage + "/pay").with(user(who)).with(csrf())).andExpect(redirectedUrl("/library"));
	}
}
