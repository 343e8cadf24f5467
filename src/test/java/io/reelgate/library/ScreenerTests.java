package io.reelgate.library;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.library.RentalRefusedException.Problem;
import io.reelgate.library.Screeners.IssuedCode;
import io.reelgate.library.Screeners.NewScreeners;
import io.reelgate.shared.BundleId;
import io.reelgate.shared.BundleFileId;
import io.reelgate.support.Fixtures;
import io.reelgate.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class ScreenerTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Screeners screeners;

	@Autowired
	Library library;

	@Autowired
	DownloadPolicy policy;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aCreatorGetsTheCodesOnceAsCsvAndAJuryMemberRedeemsOneIntoTheirLibrary() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		BundleId bundle = fixtures.published(creator, Fixtures.unique("Festival cut"), "film".getBytes(), "10.00", "USD");
		String csv = mvc.perform(post("/studio/bundles/{id}/screeners", bundle).with(user(creator)).with(csrf())
			.param("count", "3").param("label", "=Berlinale jury").param("access", "DOWNLOAD"))
			.andExpect(header().string("Content-Type", startsWith("text/csv")))
			.andExpect(header().string("Content-Disposition", containsString("attachment")))
			.andReturn().getResponse().getContentAsString();
		List<String> lines = csv.lines().toList();
		assertThat(lines).hasSize(4);
		assertThat(lines.get(0)).isEqualTo("\"code\",\"label\",\"access\",\"valid_until\"");
		// The label is typed by the creator: a spreadsheet must not run it as a formula.
		assertThat(lines.subList(1, 4)).allMatch(l -> l.matches("\"[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}\","
				+ "\"'=Berlinale jury\",\"download\",\"\""));
		String code = lines.get(1).substring(1, 20);
		// Only fingerprints are stored, looked up by hash.
		assertThat(codeId(code)).isNotNull();
		assertThat(jdbc.sql("select count(*) from screener_codes where bundle_id = ? and encode(code_hash, 'escape') like ?")
			.param(bundle.value()).param("%" + code.substring(0, 4) + "%").query(Long.class).single()).isZero();

		AccountPrincipal juror = fixtures.viewer();
		mvc.perform(post("/screeners").with(ownAddress()).with(user(juror)).with(csrf()).param("code", " " + code.toLowerCase(Locale.ROOT)))
			.andExpect(redirectedUrl("/library")).andExpect(flash().attribute("success", "screener.redeemed"));
		assertThat(library.owns(juror.accountId(), bundle)).isTrue();
		assertThat(policy.mayDownloadWhole(juror.accountId(), bundle)).isTrue();
		mvc.perform(post("/screeners").with(ownAddress()).with(user(fixtures.viewer())).with(csrf()).param("code", code))
			.andExpect(redirectedUrl("/screeners")).andExpect(flash().attribute("error", "screener.redeem.used"));
		mvc.perform(post("/screeners").with(ownAddress()).with(user(fixtures.viewer())).with(csrf()).param("code", "NOPE-NOPE-NOPE-NOPE"))
			.andExpect(flash().attribute("error", "screener.redeem.unknown"));
		mvc.perform(get("/studio/bundles/{id}/screeners", bundle).with(user(creator)))
			.andExpect(content().string(allOf(containsString("=Berlinale jury"), containsString("Redeemed"),
					containsString("Unused"))));
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc
			.sql("select count(*) from analytics_events where bundle_id = ? and unlock_kind = 'SCREENER'")
			.param(bundle.value()).query(Long.class).single()).isEqualTo(1));
	}

	@Test
	void aStreamOnlyCodeNeverDownloadsNorSeeds() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		BundleId bundle = fixtures.published(creator, Fixtures.unique("Press screener"), "film".getBytes(), "10.00",
				"USD");
		IssuedCode code = generate(creator, bundle, 1, null, true).get(0);
		AccountPrincipal critic = fixtures.viewer();
		fixtures.as(critic, () -> screeners.redeem(critic.accountId(), code.code()));
		BundleFileId file = fileOf(bundle);

		assertThatThrownBy(() -> policy.authorize(critic, file)).isInstanceOfSatisfying(RentalRefusedException.class,
				ex -> assertThat(ex.problem()).isEqualTo(Problem.STREAM_ONLY));
		assertThat(policy.mayDownloadWhole(critic.accountId(), bundle)).isFalse();
		assertThat(library.owns(critic.accountId(), bundle)).isFalse();
		assertThat(library.itemsOf(critic.accountId())).singleElement()
			.satisfies(item -> assertThat(item.streamsOnly()).isTrue())
			.satisfies(item -> assertThat(item.downloads()).isFalse());
		mvc.perform(get("/downloads/{id}", file).with(user(critic))).andExpect(status().isForbidden());
	}

	@Test
	void eightConcurrentRedemptionsOfOneCodeGrantItOnce() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		BundleId bundle = fixtures.published(creator, Fixtures.unique("Contested"), "film".getBytes(), "10.00", "USD");
		String code = generate(creator, bundle, 1, null, false).get(0).code();
		List<AccountPrincipal> viewers = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			viewers.add(fixtures.viewer());
		}
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Future<Boolean>> attempts = new ArrayList<>();
			for (AccountPrincipal viewer : viewers) {
				Callable<Boolean> attempt = () -> {
					start.await();
					try {
						fixtures.as(viewer, () -> screeners.redeem(viewer.accountId(), code));
						return true;
					}
					catch (ScreenerException ex) {
						assertThat(ex.code()).isEqualTo("screener.redeem.used");
						return false;
					}
				};
				attempts.add(pool.submit(attempt));
			}
			start.countDown();
			int granted = 0;
			for (Future<Boolean> attempt : attempts) {
				granted += attempt.get() ? 1 : 0;
			}
			assertThat(granted).isEqualTo(1);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(jdbc.sql("select count(*) from entitlements where screener_code_id = ?").param(codeId(code))
			.query(Long.class).single()).isEqualTo(1);
		assertThat(viewers.stream().filter(v -> library.owns(v.accountId(), bundle)).count()).isEqualTo(1);
	}

	@Test
	void expiredAndRevokedCodesAreRefusedRevokingTakesTheBundleBackAndOnlyItsCreatorRevokes() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		BundleId bundle = fixtures.published(creator, Fixtures.unique("Guarded"), "film".getBytes(), "10.00", "USD");
		List<IssuedCode> codes = generate(creator, bundle, 4, "Press", false);
		AccountPrincipal viewer = fixtures.viewer();

		jdbc.sql("update screener_codes set expires_at = ? where id = ?").param(java.sql.Timestamp.from(
				Instant.now().minusSeconds(60))).param(codeId(codes.get(0).code())).update();
		assertThatThrownBy(() -> fixtures.as(viewer, () -> screeners.redeem(viewer.accountId(), codes.get(0).code())))
			.hasMessage("screener.redeem.expired");

		mvc.perform(post("/studio/screeners/{id}/revoke", codeId(codes.get(1).code())).param("confirmed", "true").with(user(creator)).with(csrf()))
			.andExpect(redirectedUrl("/studio/bundles/" + bundle + "/screeners"));
		assertThatThrownBy(() -> fixtures.as(viewer, () -> screeners.redeem(viewer.accountId(), codes.get(1).code())))
			.hasMessage("screener.redeem.revoked");

		fixtures.as(viewer, () -> screeners.redeem(viewer.accountId(), codes.get(2).code()));
		assertThat(library.owns(viewer.accountId(), bundle)).isTrue();
		mvc.perform(post("/studio/screeners/{id}/revoke", codeId(codes.get(2).code())).param("confirmed", "true").with(user(creator)).with(csrf()))
			.andExpect(flash().attribute("success", "screener.revoked"));
		assertThat(library.owns(viewer.accountId(), bundle)).isFalse();
		assertThat(library.itemsOf(viewer.accountId())).singleElement()
			.satisfies(item -> assertThat(item.revokedReason()).isEqualTo("REVOKED"));

		// Another creator (or a viewer) cannot revoke, or list, someone else's codes.
		UUID untouched = codeId(codes.get(3).code());
		mvc.perform(post("/studio/screeners/{id}/revoke", untouched).param("confirmed", "true").with(user(fixtures.creator())).with(csrf()))
			.andExpect(status().isNotFound());
		mvc.perform(post("/studio/screeners/{id}/revoke", untouched).param("confirmed", "true").with(user(viewer)).with(csrf()))
			.andExpect(status().isForbidden());
		mvc.perform(get("/studio/bundles/{id}/screeners", bundle).with(user(fixtures.creator())))
			.andExpect(status().isNotFound());
		mvc.perform(post("/studio/bundles/{id}/screeners", bundle).with(user(fixtures.creator())).with(csrf())
			.param("count", "1")).andExpect(status().isNotFound());
		assertThat(jdbc.sql("select revoked_at is null from screener_codes where id = ?").param(untouched)
			.query(Boolean.class).single()).isTrue();
		AccountPrincipal other = fixtures.viewer();
		fixtures.as(other, () -> screeners.redeem(other.accountId(), codes.get(3).code()));
		assertThat(library.owns(other.accountId(), bundle)).isTrue();
	}

	@Test
	void badBatchesAreRefusedWithAFormMessage() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		BundleId bundle = fixtures.published(creator, Fixtures.unique("Batches"), "film".getBytes(), "10.00", "USD");
		for (String count : new String[] { "0", "501", "-3" }) {
			mvc.perform(post("/studio/bundles/{id}/screeners", bundle).with(user(creator)).with(csrf())
				.param("count", count))
				.andExpect(redirectedUrl("/studio/bundles/" + bundle + "/screeners"))
				.andExpect(flash().attribute("error", "screener.count.invalid"));
		}
		mvc.perform(post("/studio/bundles/{id}/screeners", bundle).with(user(creator)).with(csrf())
			.param("count", "2").param("validUntil", "2001-01-01"))
			.andExpect(flash().attribute("error", "screener.expiry.invalid"));
		mvc.perform(post("/studio/bundles/{id}/screeners", bundle).with(user(creator)).with(csrf())
			.param("count", "2").param("label", "x".repeat(81)))
			.andExpect(flash().attribute("error", "screener.label.tooLong"));
		assertThat(jdbc.sql("select count(*) from screener_codes where bundle_id = ?").param(bundle.value())
			.query(Long.class).single()).isZero();
	}

	private List<IssuedCode> generate(AccountPrincipal creator, BundleId bundle, int count, String label,
			boolean streamOnly) {
		return fixtures.as(creator, () -> screeners.generate(creator.accountId(), bundle,
				new NewScreeners(count, label, Instant.now().plus(Duration.ofDays(1)), streamOnly)));
	}

	private UUID codeId(String code) {
		return jdbc.sql("select id from screener_codes where code_hash = sha256(convert_to(?, 'UTF8'))")
			.param(Screeners.normalise(code)).query(UUID.class).single();
	}

	private BundleFileId fileOf(BundleId bundle) {
		return new BundleFileId(jdbc.sql("select id from bundle_files where bundle_id = ?").param(bundle.value())
			.query(UUID.class).single());
	}

	private static final AtomicInteger ADDRESSES = new AtomicInteger();

	/**
	 * Redemptions are limited per address, and the rest of the suite posts from 127.0.0.1 too: these come from an
	 * address of their own so the limit they meet is this test's.
	 */
	private static RequestPostProcessor ownAddress() {
		String address = "203.0.113." + (ADDRESSES.incrementAndGet() % 250 + 1);
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}
}
