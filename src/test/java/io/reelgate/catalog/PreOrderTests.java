package io.reelgate.catalog;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.library.DownloadLinks;
import io.reelgate.notifications.SentMails;
import io.reelgate.shared.BundleId;
import io.reelgate.support.Fixtures;
import io.reelgate.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** A paid bundle sold before its release: the money is taken now, the locked files open at the release. */
@IntegrationTest
class PreOrderTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	SentMails mails;

	@Autowired
	Fixtures fixtures;

	@Autowired
	CatalogService catalogService;

	@Autowired
	Catalog catalog;

	@Autowired
	BundleReleases releases;

	@Autowired
	DownloadLinks links;

	@Autowired
	JdbcTemplate jdbc;

	private AccountPrincipal creator;

	private String title;

	private BundleId bundle;

	private FileView film;

	private FileView trailer;

	private Instant releaseAt;

	@BeforeEach
	void aPaidBundleOnPreOrderWithAnUnlockedTrailer() {
		creator = fixtures.creator();
		title = Fixtures.unique("Premiere");
		bundle = fixtures.draft(creator, title, "the film".getBytes(), "8.00", "USD");
		film = catalog.editable(creator.accountId(), bundle).files().get(0);
		trailer = fixtures.addFile(creator, bundle, "trailer.mp4", "the trailer".getBytes());
		LocalDateTime local = LocalDateTime.now(ZoneOffset.UTC).plusDays(10).truncatedTo(ChronoUnit.MINUTES);
		releaseAt = local.toInstant(ZoneOffset.UTC);
		fixtures.as(creator, () -> {
			catalogService.unlockFile(creator.accountId(), bundle, trailer.id(), true);
			catalogService.scheduleRelease(creator.accountId(), bundle, local, ZoneOffset.UTC);
			return null;
		});
		fixtures.publish(creator, bundle);
	}

	@Test
	void beforeTheReleaseABuyerPaysButGetsOnlyTheUnlockedFiles() throws Exception {
		assertThat(mvc.perform(get("/bundles/{id}", bundle)).andReturn().getResponse().getContentAsString())
			.contains("Pre-order \u2014 releases on " + formatted(releaseAt));
		AccountPrincipal buyer = fixtures.viewer();
		String order = buy(buyer);
		assertThat(jdbc.queryForObject("select status from orders where id = ?::uuid", String.class, order))
			.isEqualTo("PAID");

		MockHttpServletResponse locked = mvc.perform(get("/downloads/{id}", film.id()).with(user(buyer)))
			.andReturn().getResponse();
		assertThat(locked.getStatus()).isEqualTo(403);
		assertThat(locked.getContentAsString()).contains("Available on " + formatted(releaseAt));
		MockHttpServletResponse signed = mvc.perform(get(links.pathFor(film.id(), buyer.accountId(), film.name())))
			.andReturn().getResponse();
		assertThat(signed.getStatus()).isEqualTo(403);
		assertThat(signed.getContentAsString()).contains("Available on " + formatted(releaseAt));

		assertThat(mvc.perform(get("/downloads/{id}", trailer.id()).with(user(buyer))).andReturn().getResponse()
			.getContentAsString()).isEqualTo("the trailer");
		assertThat(mvc.perform(get("/bundles/{id}/unlocked/{file}", bundle, trailer.id())).andReturn().getResponse()
			.getStatus()).isEqualTo(200);
		assertThat(mvc.perform(get("/library").with(user(buyer))).andReturn().getResponse().getContentAsString())
			.contains("Pre-order \u2014 available on " + formatted(releaseAt));
		assertThat(mvc.perform(get("/downloads/{id}", film.id()).with(user(creator))).andReturn().getResponse()
			.getStatus()).isEqualTo(200);
	}

	@Test
	void atTheReleaseTheBuyerGetsTheFilesAndAStrangerStillDoesNot() throws Exception {
		AccountPrincipal buyer = fixtures.viewer();
		AccountPrincipal stranger = fixtures.viewer();
		buy(buyer);
		String strangersLink = links.pathFor(film.id(), stranger.accountId(), film.name());

		releaseHasCome();

		assertThat(mvc.perform(get("/downloads/{id}", film.id()).with(user(buyer))).andReturn().getResponse()
			.getContentAsString()).isEqualTo("the film");
		assertThat(mvc.perform(get(links.pathFor(film.id(), buyer.accountId(), film.name()))).andReturn()
			.getResponse().getStatus()).isEqualTo(200);
		assertThat(mvc.perform(get("/downloads/{id}", film.id()).with(user(stranger))).andReturn().getResponse()
			.getStatus()).isEqualTo(404);
		assertThat(mvc.perform(get(strangersLink)).andReturn().getResponse().getStatus()).isEqualTo(403);
		assertThat(mvc.perform(get("/bundles/{id}", bundle)).andReturn().getResponse().getContentAsString())
			.doesNotContain("Pre-order");
	}

	@Test
	void eachBuyerIsToldOnceThatItIsOutEvenWhenTwoInstancesRunTheJobAtOnce() throws Exception {
		AccountPrincipal first = fixtures.viewer();
		AccountPrincipal second = fixtures.viewer();
		buy(first);
		buy(second);
		releases.announceDue();
		releaseHasCome();

		CompletableFuture<Integer> one = CompletableFuture.supplyAsync(releases::announceDue);
		CompletableFuture<Integer> other = CompletableFuture.supplyAsync(releases::announceDue);
		// Other releases were announced above, so only this one is due: at most once (the scheduler may have run first).
		assertThat(one.get() + other.get()).isLessThanOrEqualTo(1);
		releases.announceDue();
		assertThat(jdbc.queryForObject("select release_announced_at is not null from bundles where id = ?",
				Boolean.class, bundle.value())).isTrue();

		// The receipts said when the files open, not that the bundle is in the library already.
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(mails.transcript())
			.contains("Thank you for pre-ordering \u201c" + title + "\u201d")
			.contains("Its files open in your library on "));
		String subject = "Subject: \u201c" + title + "\u201d is out \u2014 it\u2019s in your library";
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(mails.transcript())
			.contains("To: " + first.email() + "\n" + subject)
			.contains("To: " + second.email() + "\n" + subject));
		Thread.sleep(1000);
		assertThat(count(mails.transcript(), "To: " + first.email() + "\n" + subject)).isEqualTo(1);
		assertThat(count(mails.transcript(), "To: " + second.email() + "\n" + subject)).isEqualTo(1);
	}

	@Test
	void aRefundBeforeTheReleaseRevokesAsUsualAndTheRefundedBuyerIsNotTold() throws Exception {
		AccountPrincipal refunded = fixtures.viewer();
		AccountPrincipal kept = fixtures.viewer();
		String order = buy(refunded);
		buy(kept);
		mvc.perform(post("/admin/payments/{id}/refund", order).param("confirmed", "true").with(user(fixtures.admin())).with(csrf())
			.param("reason", "Changed their mind before the premiere"));
		assertThat(jdbc.queryForObject("select status from orders where id = ?::uuid", String.class, order))
			.isEqualTo("REFUNDED");

		releaseHasCome();
		releases.announceDue();

		assertThat(mvc.perform(get("/downloads/{id}", film.id()).with(user(refunded))).andReturn().getResponse()
			.getStatus()).isEqualTo(404);
		String subject = "Subject: \u201c" + title + "\u201d is out";
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(mails.transcript()).contains("To: " + kept.email() + "\n" + subject));
		assertThat(mails.transcript()).doesNotContain("To: " + refunded.email() + "\n" + subject);
	}

	@Test
	void buyersAreToldWhenTheReleaseMovesAndNobodyElseIs() throws Exception {
		AccountPrincipal buyer = fixtures.viewer();
		AccountPrincipal stranger = fixtures.viewer();
		buy(buyer);
		LocalDateTime later = LocalDateTime.ofInstant(releaseAt, ZoneOffset.UTC).plusDays(30).withSecond(0).withNano(0);

		mvc.perform(post("/studio/bundles/{id}/release", bundle).with(user(creator)).with(csrf())
			.param("at", later.toString().substring(0, 16)).param("zone", "UTC"))
			.andExpect(result -> assertThat(result.getFlashMap().get("success")).isEqualTo("release.saved"));

		String date = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH).format(later);
		String subject = "Subject: \u201c" + title + "\u201d now comes out on " + date;
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(mails.transcript()).contains("To: " + buyer.email() + "\n" + subject));
		assertThat(mails.transcript()).contains("now comes out on " + date + " instead of ")
			.doesNotContain("To: " + stranger.email() + "\n");
	}

	@Test
	void theCreatorMovesTheReleaseInTheirTimeZoneButNotIntoThePast() throws Exception {
		mvc.perform(post("/studio/bundles/{id}/release", bundle).with(user(creator)).with(csrf())
			.param("at", "2020-01-01T20:00").param("zone", "UTC"))
			.andExpect(result -> assertThat(result.getFlashMap().get("error")).isEqualTo("release.past"));
		assertThat(releaseAt()).isEqualTo(releaseAt);

		String later = LocalDateTime.now(ZoneOffset.UTC).plusYears(1).withHour(20).withMinute(0).withSecond(0)
			.withNano(0).toString();
		mvc.perform(post("/studio/bundles/{id}/release", bundle).with(user(creator)).with(csrf())
			.param("at", later.substring(0, 16)).param("zone", "Asia/Tokyo"))
			.andExpect(result -> assertThat(result.getFlashMap().get("success")).isEqualTo("release.saved"));
		assertThat(releaseAt()).isEqualTo(LocalDateTime.parse(later).atZone(ZoneId.of("Asia/Tokyo")).toInstant());
		assertThat(mvc.perform(get("/studio/bundles/{id}", bundle).with(user(creator))).andReturn().getResponse()
			.getContentAsString()).contains("Pre-order \u2014 releases on " + formatted(releaseAt()), "Release now");

		mvc.perform(post("/studio/bundles/{id}/release", bundle).with(user(creator)).with(csrf())
			.param("at", "").param("zone", "UTC"))
			.andExpect(result -> assertThat(result.getFlashMap().get("error")).isEqualTo("release.invalid"));

		mvc.perform(post("/studio/bundles/{id}/release/now", bundle).with(user(creator)).with(csrf()));
		assertThat(releaseAt()).isBeforeOrEqualTo(Instant.now());
		mvc.perform(post("/studio/bundles/{id}/release", bundle).with(user(creator)).with(csrf())
			.param("at", later.substring(0, 16)).param("zone", "UTC"))
			.andExpect(result -> assertThat(result.getFlashMap().get("error")).isEqualTo("release.alreadyOut"));
	}

	@Test
	void anEmailGateOpensOnlyAtTheRelease() throws Exception {
		BundleId gated = fixtures.draft(creator, Fixtures.unique("Festival cut"), "film".getBytes());
		fixtures.as(creator, () -> {
			catalogService.requireEmail(creator.accountId(), gated);
			catalogService.scheduleRelease(creator.accountId(), gated, LocalDateTime.now(ZoneOffset.UTC).plusDays(3),
					ZoneOffset.UTC);
			return null;
		});
		fixtures.publish(creator, gated);
		assertThat(mvc.perform(get("/bundles/{id}", gated)).andReturn().getResponse().getContentAsString())
			.contains("its email unlock opens on the release date").doesNotContain("email-gate-form");

		MockHttpServletResponse refused = mvc.perform(post("/bundles/{id}/email-unlock", gated).with(csrf())
			.param("email", Fixtures.unique("fan") + "@example.test").param("consent", "true")).andReturn().getResponse();
		assertThat(refused.getStatus()).isEqualTo(400);
		assertThat(jdbc.queryForObject("select count(*) from email_unlocks where bundle_id = ?", Long.class,
				gated.value())).isZero();
	}

	private String buy(AccountPrincipal buyer) throws Exception {
		String payPage = mvc.perform(post("/checkout/{id}", bundle).with(user(buyer)).with(csrf()))
			.andReturn().getResponse().getRedirectedUrl();
		mvc.perform(post(payPage + "/pay").with(user(buyer)).with(csrf()));
		return payPage.substring(payPage.lastIndexOf('/') + 1);
	}

	/** Moves the release into the past, as the passing of time would. */
	private void releaseHasCome() {
		jdbc.update("update bundles set release_at = now() - interval '1 second' where id = ?", bundle.value());
	}

	private Instant releaseAt() {
		return catalog.editable(creator.accountId(), bundle).summary().releaseAt();
	}

	private static String formatted(Instant instant) {
		return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC)
			.format(instant);
	}

	private static int count(String text, String part) {
		return text.split(Pattern.quote(part), -1).length - 1;
	}
}
