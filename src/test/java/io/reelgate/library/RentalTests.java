package io.reelgate.library;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.catalog.CatalogService;
import io.reelgate.catalog.FileView;
import io.reelgate.checkout.Refunds;
import io.reelgate.shared.BundleFileId;
import io.reelgate.shared.BundleId;
import io.reelgate.shared.OrderId;
import io.reelgate.support.Fixtures;
import io.reelgate.support.IntegrationTest;
import io.reelgate.support.Sounds;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Rentals end to end, from the renter's and from other viewers' side: stream only, within the window. */
@IntegrationTest
class RentalTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	CatalogService catalogService;

	@Autowired
	Library library;

	@Autowired
	DownloadLinks links;

	@Autowired
	Entitlements entitlements;

	@Autowired
	Refunds refunds;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void aRenterStreamsTheLockedMediaButCannotDownloadIt() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		Rentable rentable = rentable(creator);
		AccountPrincipal viewer = fixtures.viewer();
		mvc.perform(get("/bundles/{id}", rentable.bundle).with(user(viewer)))
			.andExpect(content().string(containsString("Rent for $2.99 (48 h from first play)")))
			.andExpect(content().string(containsString("Buy for $9.99")));

		rent(viewer, rentable.bundle);

		assertThat(jdbc.sql("select kind || ' ' || amount_minor || ' ' || rental_hours || ' ' || status from orders "
				+ "where bundle_id = ?").param(rentable.bundle.value()).query(String.class).list())
			.containsExactly("RENTAL 299 48 PAID");
		assertThat(library.owns(viewer.accountId(), rentable.bundle)).isFalse();
		mvc.perform(get("/bundles/{id}", rentable.bundle).with(user(viewer)))
			.andExpect(content().string(containsString("You rent this bundle")))
			.andExpect(content().string(not(containsString("Rent for"))));
		assertThat(firstPlayed(viewer, rentable.bundle)).isNull();
		mvc.perform(get("/library").with(user(viewer)))
			.andExpect(content().string(containsString("Watch film.mp4")))
			.andExpect(content().string(containsString("/stream/" + rentable.locked)))
			.andExpect(content().string(containsString("streams for 48 hours from your first play")))
			.andExpect(content().string(not(containsString("/dl/"))));

		// Downloads refuse a rental, through the session and through a signed link made for the renter.
		mvc.perform(get("/downloads/{id}", rentable.locked).with(user(viewer)))
			.andExpect(status().isForbidden())
			.andExpect(content().string(containsString("Rentals stream only")));
		mvc.perform(get(links.pathFor(rentable.locked, viewer.accountId(), "film.mp4")))
			.andExpect(status().isForbidden())
			.andExpect(content().string(containsString("Rentals stream only")));

		// The first play of a locked file starts the window; later plays do not move it.
		mvc.perform(get("/stream/{id}", rentable.locked).with(user(viewer)).header(HttpHeaders.RANGE, "bytes=0-9"))
			.andExpect(status().isPartialContent())
			.andExpect(header().string(HttpHeaders.CONTENT_DISPOSITION, containsString("inline")));
		Instant started = firstPlayed(viewer, rentable.bundle);
		assertThat(started).isNotNull();
		mvc.perform(get("/stream/{id}", rentable.locked).with(user(viewer))).andExpect(status().isOk());
		assertThat(firstPlayed(viewer, rentable.bundle)).isEqualTo(started);
		mvc.perform(get("/library").with(user(viewer)))
			.andExpect(content().string(containsString("Rented: streams until")));

		// Someone else who knows the stream URL gets nothing.
		mvc.perform(get("/stream/{id}", rentable.locked).with(user(fixtures.viewer())))
			.andExpect(status().isNotFound());

		await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("""
				select count(*) from analytics_events
				where kind = 'UNLOCK' and unlock_kind = 'RENTAL' and bundle_id = ? and gross_minor = 299""")
			.param(rentable.bundle.value()).query(Long.class).single() == 1);
	}

	@Test
	void rentalWindowExpiryDeniesStreamingAndBuyingLaterGrantsDownloads() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		Rentable rentable = rentable(creator);
		AccountPrincipal viewer = fixtures.viewer();
		rent(viewer, rentable.bundle);
		mvc.perform(get("/stream/{id}", rentable.locked).with(user(viewer))).andExpect(status().isOk());
		// While the window runs, a second rental is not sold, and no order is opened for it.
		mvc.perform(post("/checkout/{id}/rental", rentable.bundle).with(user(viewer)).with(csrf()))
			.andExpect(redirectedUrl("/bundles/" + rentable.bundle))
			.andExpect(flash().attribute("error", "checkout.rental.running"));
		assertThat(jdbc.sql("select count(*) from orders where bundle_id = ? and kind = 'RENTAL'")
			.param(rentable.bundle.value()).query(Long.class).single()).isEqualTo(1);

		jdbc.sql("update entitlements set first_played_at = ? where account_id = ? and bundle_id = ?")
			.params(Instant.now().minus(Duration.ofHours(48)).minusSeconds(1).atOffset(ZoneOffset.UTC),
					viewer.accountId().value(), rentable.bundle.value())
			.update();

		mvc.perform(get("/stream/{id}", rentable.locked).with(user(viewer)))
			.andExpect(status().isGone())
			.andExpect(content().string(containsString("Your rental ended")));
		// The unlocked trailer is everyone's anyway, so it still plays.
		mvc.perform(get("/stream/{id}", rentable.trailer).with(user(viewer))).andExpect(status().isOk());
		mvc.perform(get("/bundles/{id}", rentable.bundle).with(user(viewer)))
			.andExpect(content().string(containsString("Rent for $2.99")));
		// Once it has ended, renting again is possible.
		mvc.perform(post("/checkout/{id}/rental", rentable.bundle).with(user(viewer)).with(csrf()))
			.andExpect(redirectedUrlPattern("/checkout/simulated/*"));
		mvc.perform(get("/library").with(user(viewer)))
			.andExpect(content().string(containsString("Your rental ended.")))
			.andExpect(content().string(containsString("Buy to keep it")))
			.andExpect(content().string(not(containsString("/stream/" + rentable.locked))));

		String payPage = mvc.perform(post("/checkout/{id}", rentable.bundle).with(user(viewer)).with(csrf()))
			.andExpect(redirectedUrlPattern("/checkout/simulated/*"))
			.andReturn().getResponse().getRedirectedUrl();
		mvc.perform(post(payPage + "/pay").with(user(viewer)).with(csrf())).andExpect(redirectedUrl("/library"));

		assertThat(library.owns(viewer.accountId(), rentable.bundle)).isTrue();
		mvc.perform(get("/downloads/{id}", rentable.locked).with(user(viewer))).andExpect(status().isOk());
		mvc.perform(get("/stream/{id}", rentable.locked).with(user(viewer))).andExpect(status().isOk());
		mvc.perform(get("/library").with(user(viewer)))
			.andExpect(content().string(containsString("/dl/")))
			.andExpect(content().string(not(containsString("Your rental ended."))));
	}

	@Test
	void aRefundedRentalNoLongerStreams() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		Rentable rentable = rentable(creator);
		AccountPrincipal viewer = fixtures.viewer();
		rent(viewer, rentable.bundle);
		UUID order = jdbc.sql("select id from orders where bundle_id = ?").param(rentable.bundle.value())
			.query(UUID.class).single();

		fixtures.as(creator, () -> refunds.refund(creator, new OrderId(order)));

		mvc.perform(get("/stream/{id}", rentable.locked).with(user(viewer))).andExpect(status().isNotFound());
	}

	@Test
	void concurrentFirstPlaysAgreeOnOneStartOfTheWindow() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		Rentable rentable = rentable(creator);
		AccountPrincipal viewer = fixtures.viewer();
		rent(viewer, rentable.bundle);
		UUID id = jdbc.sql("select id from entitlements where account_id = ? and bundle_id = ?")
			.params(viewer.accountId().value(), rentable.bundle.value()).query(UUID.class).single();
		Instant first = Instant.now().truncatedTo(ChronoUnit.MILLIS);

		Integer started = transactions.execute(status -> entitlements.startRentalWindow(id, first));
		Integer again = transactions.execute(status -> entitlements.startRentalWindow(id, first.plusSeconds(5)));
		assertThat(started).isOne();
		assertThat(again).isZero();
		assertThat(firstPlayed(viewer, rentable.bundle)).isEqualTo(first);
	}

	@Test
	void theRentalPriceMustBeBelowTheFixedPriceAndGoesWithIt() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		BundleId bundle = fixtures.published(creator, Fixtures.unique("Dear"), Sounds.wav(1), "9.99", "USD");

		mvc.perform(post("/studio/bundles/{id}/rental", bundle).with(user(creator)).with(csrf())
			.param("rentalPrice", "9.99").param("rentalHours", "48"))
			.andExpect(flash().attribute("error", "rental.notCheaper"));
		mvc.perform(post("/studio/bundles/{id}/rental", bundle).with(user(creator)).with(csrf())
			.param("rentalPrice", "2.00").param("rentalHours", "5"))
			.andExpect(flash().attribute("error", "rental.window.invalid"));
		mvc.perform(post("/studio/bundles/{id}/rental", bundle).with(user(creator)).with(csrf())
			.param("rentalPrice", "0.01").param("rentalHours", "48"))
			.andExpect(flash().attribute("error", "gate.price.outOfRange"));
		// Another creator cannot set a rental on this bundle.
		mvc.perform(post("/studio/bundles/{id}/rental", bundle).with(user(fixtures.creator())).with(csrf())
			.param("rentalPrice", "1.00").param("rentalHours", "48"))
			.andExpect(status().isNotFound());
		assertThat(rentalPrice(bundle)).isNull();

		mvc.perform(post("/studio/bundles/{id}/rental", bundle).with(user(creator)).with(csrf())
			.param("rentalPrice", "3.00").param("rentalHours", "72"))
			.andExpect(flash().attribute("success", "rental.saved"));
		mvc.perform(get("/studio/bundles/{id}", bundle).with(user(creator)))
			.andExpect(content().string(containsString("value=\"3.00\"")))
			.andExpect(content().string(containsString("<label class=\"form-label\" for=\"rentalPrice\">Rental price (USD)</label>")));
		assertThat(rentalPrice(bundle)).isEqualTo(300L);

		// Pay what you want has no fixed price to rent below: the offer goes.
		mvc.perform(post("/studio/bundles/{id}/gate", bundle).with(user(creator)).with(csrf())
			.param("gate", "PWYW").param("amount", "1.00").param("suggested", "5.00").param("currency", "USD"))
			.andExpect(flash().attribute("success", "gate.saved"));
		assertThat(rentalPrice(bundle)).isNull();
		mvc.perform(post("/studio/bundles/{id}/rental", bundle).with(user(creator)).with(csrf())
			.param("rentalPrice", "0.50").param("rentalHours", "48"))
			.andExpect(flash().attribute("error", "rental.paidOnly"));
	}

	@Test
	void aBundleWithoutLockedMediaIsNotRented() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		BundleId bundle = fixtures.published(creator, Fixtures.unique("Script"), "just text".getBytes(), "9.99",
				"USD");
		mvc.perform(post("/studio/bundles/{id}/rental", bundle).with(user(creator)).with(csrf())
			.param("rentalPrice", "2.99").param("rentalHours", "48"))
			.andExpect(flash().attribute("success", "rental.saved"));
		AccountPrincipal viewer = fixtures.viewer();

		mvc.perform(get("/bundles/{id}", bundle).with(user(viewer)))
			.andExpect(content().string(not(containsString("Rent for"))));
		mvc.perform(post("/checkout/{id}/rental", bundle).with(user(viewer)).with(csrf()))
			.andExpect(redirectedUrl("/bundles/" + bundle))
			.andExpect(flash().attribute("error", "checkout.rental.unavailable"));
		assertThat(jdbc.sql("select count(*) from orders where bundle_id = ?").param(bundle.value())
			.query(Long.class).single()).isZero();
	}

	@Test
	void aRentedPreOrderPlaysItsLockedFilesOnlyFromTheReleaseAndItsWindowStartsThen() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		Rentable rentable = rentable(creator);
		jdbc.sql("update bundles set release_at = now() + interval '2 days' where id = ?")
			.param(rentable.bundle.value()).update();
		AccountPrincipal viewer = fixtures.viewer();
		rent(viewer, rentable.bundle);

		mvc.perform(get("/stream/{id}", rentable.locked).with(user(viewer)))
			.andExpect(status().isForbidden())
			.andExpect(content().string(containsString("Available on")));
		assertThat(firstPlayed(viewer, rentable.bundle)).isNull();
		mvc.perform(get("/stream/{id}", rentable.trailer).with(user(viewer))).andExpect(status().isOk());

		jdbc.sql("update bundles set release_at = now() - interval '1 second' where id = ?")
			.param(rentable.bundle.value()).update();
		mvc.perform(get("/stream/{id}", rentable.locked).with(user(viewer))).andExpect(status().isOk());
		assertThat(firstPlayed(viewer, rentable.bundle)).isNotNull();
	}

	private record Rentable(BundleId bundle, BundleFileId locked, BundleFileId trailer) {
	}

	/** A $9.99 bundle with a locked audio file and an unlocked trailer, rented for $2.99 over 48 hours. */
	private Rentable rentable(AccountPrincipal creator) {
		BundleId bundle = fixtures.draft(creator, Fixtures.unique("Rent"), Sounds.wav(2), "9.99", "USD");
		FileView trailer = fixtures.addFile(creator, bundle, "trailer.wav", Sounds.wav(1));
		fixtures.as(creator, () -> {
			catalogService.unlockFile(creator.accountId(), bundle, trailer.id(), true);
			catalogService.offerRental(creator.accountId(), bundle, "2.99", 48);
			return null;
		});
		fixtures.publish(creator, bundle);
		UUID locked = jdbc.sql("select id from bundle_files where bundle_id = ? and not unlocked")
			.param(bundle.value()).query(UUID.class).single();
		return new Rentable(bundle, new BundleFileId(locked), trailer.id());
	}

	private void rent(AccountPrincipal viewer, BundleId bundle) throws Exception {
		String payPage = mvc.perform(post("/checkout/{id}/rental", bundle).with(user(viewer)).with(csrf()))
			.andExpect(redirectedUrlPattern("/checkout/simulated/*"))
			.andReturn().getResponse().getRedirectedUrl();
		mvc.perform(get(payPage).with(user(viewer))).andExpect(content().string(containsString("$2.99")));
		mvc.perform(post(payPage + "/pay").with(user(viewer)).with(csrf())).andExpect(redirectedUrl("/library"));
	}

	private Instant firstPlayed(AccountPrincipal viewer, BundleId bundle) {
		return jdbc.sql("select first_played_at from entitlements where account_id = ? and bundle_id = ?")
			.params(viewer.accountId().value(), bundle.value())
			.query(OffsetDateTime.class).optional().map(OffsetDateTime::toInstant).orElse(null);
	}

	private Long rentalPrice(BundleId bundle) {
		return jdbc.sql("select rental_price_minor from bundles where id = ?").param(bundle.value())
			.query(Long.class).optional().orElse(null);
	}
}
