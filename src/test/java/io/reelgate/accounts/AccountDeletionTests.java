package io.reelgate.accounts;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.reelgate.shared.AccountId;
import io.reelgate.shared.BundleId;
import io.reelgate.storage.BlobStore;
import io.reelgate.support.Fixtures;
import io.reelgate.support.IntegrationTest;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class AccountDeletionTests {

	private static final String PASSWORD = "a-long-enough-password";

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	AccountService accounts;

	@Autowired
	BlobStore store;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aViewerDeletesTheirAccountTheirIdentityIsErasedAndTheirOrdersStay() throws Exception {
		AccountPrincipal viewer = fixtures.viewer();
		AccountPrincipal creator = fixtures.creator();
		fixtures.payoutsReady(creator);
		BundleId free = fixtures.published(creator, Fixtures.unique("Kept order"), "film".getBytes());
		BundleId paid = fixtures.published(creator, Fixtures.unique("Open checkout"), "film".getBytes(), "4.00", "USD");
		mvc.perform(post("/checkout/{id}", free).with(user(viewer)).with(csrf())).andExpect(redirectedUrl("/library"));
		mvc.perform(post("/checkout/{id}", paid).with(user(viewer)).with(csrf()));
		Cookie[] here = logIn(viewer.email());
		Cookie[] elsewhere = logIn(viewer.email());

		delete(here, "a-wrong-password", true).andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("deleteForm", "deletePassword", "account.password.wrong"));
		delete(here, PASSWORD, false).andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("deleteForm", "confirm"));
		assertThat(accounts.find(viewer.accountId()).orElseThrow().deleted()).isFalse();

		delete(here, PASSWORD, true).andExpect(redirectedUrl("/"))
			.andExpect(flash().attribute("success", "account.delete.done"));

		AccountView deleted = accounts.find(viewer.accountId()).orElseThrow();
		assertThat(deleted.deleted()).isTrue();
		assertThat(deleted.email()).isEqualTo("deleted-" + viewer.accountId() + "@deleted.invalid");
		assertThat(deleted.displayName()).isEqualTo("Deleted account");
		assertThat(jdbc.sql("select password_hash from accounts where id = ?").param(viewer.accountId().value())
			.query(String.class).single()).isNotEqualTo(viewer.passwordHash());
		mvc.perform(get("/library").cookie(elsewhere)).andExpect(redirectedUrl("/login"));
		mvc.perform(formLogin().user(viewer.email()).password(PASSWORD)).andExpect(unauthenticated());
		assertThat(statusOfOrder(viewer, free)).isEqualTo("PAID");
		await().atMost(Duration.ofSeconds(20)).until(() -> "CANCELLED".equals(statusOfOrder(viewer, paid)));
		// The address is free again.
		accounts.signUp(new SignUp(viewer.email(), "Back again", PASSWORD, Role.VIEWER));
	}

	@Test
	void aDeletedCreatorsBundlesLeaveTheStorefrontBuyersKeepTheirFilesAndUnsoldFilesAreDeleted() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		AccountPrincipal buyer = fixtures.viewer();
		BundleId sold = fixtures.published(creator, Fixtures.unique("Sold"), "sold film".getBytes());
		BundleId unsold = fixtures.published(creator, Fixtures.unique("Unsold"), "unsold film".getBytes());
		mvc.perform(post("/checkout/{id}", sold).with(user(buyer)).with(csrf())).andExpect(redirectedUrl("/library"));
		String soldFile = fileOf(sold);
		String unsoldKey = jdbc.sql("select storage_key from bundle_files where bundle_id = ?").param(unsold.value())
			.query(String.class).single();

		assertThat(accounts.delete(creator.accountId(), PASSWORD)).isEqualTo(AccountService.Deletion.DELETED);

		await().atMost(Duration.ofSeconds(20)).until(() -> jdbc
			.sql("select count(*) from bundle_files where bundle_id = ?").param(unsold.value()).query(Long.class)
			.single() == 0);
		assertThatException().isThrownBy(() -> store.open(unsoldKey, 0).close());
		for (BundleId bundle : List.of(sold, unsold)) {
			mvc.perform(get("/bundles/{id}", bundle)).andExpect(status().isNotFound());
			assertThat(jdbc.sql("select creator_name from bundles where id = ?").param(bundle.value())
				.query(String.class).single()).isEqualTo("Deleted creator");
		}
		mvc.perform(get("/creators/{id}", creator.accountId())).andExpect(status().isOk());
		mvc.perform(get("/downloads/{file}", soldFile).with(user(buyer))).andExpect(status().isOk());
	}

	@Test
	void reportsByADeletedAccountNoLongerSayWhoMadeThem() throws Exception {
		AccountPrincipal reporter = fixtures.viewer();
		BundleId bundle = fixtures.published(fixtures.creator(), Fixtures.unique("Reported"), "x".getBytes());
		mvc.perform(post("/bundles/{id}/report", bundle).with(user(reporter)).with(csrf())
			// An address of its own: the suite's other reports from 127.0.0.1 spend that address's report limit.
			.with(request -> {
				request.setRemoteAddr("198.51.100.201");
				return request;
			})
			.param("category", "SPAM")
			.param("details", "Spam"));
		assertThat(reportsBy(reporter.accountId())).isEqualTo(1);

		accounts.delete(reporter.accountId(), PASSWORD);

		await().atMost(Duration.ofSeconds(20)).until(() -> reportsBy(reporter.accountId()) == 0);
		assertThat(jdbc.sql("select count(*) from reports where bundle_id = ?").param(bundle.value())
			.query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void anAdminMayDeleteTheirAccountWhileAnotherAdminRemainsAndTheDeletedAccountCannotBeMadeAdminAgain() {
		String email = Fixtures.unique("staff") + "@example.test";
		AccountId staff = accounts.register(email, "Staff", PASSWORD, Role.ADMIN);

		assertThat(accounts.delete(staff, PASSWORD)).isEqualTo(AccountService.Deletion.DELETED);
		assertThat(accounts.find(staff).orElseThrow().role()).isEqualTo(Role.VIEWER);
		assertThatIllegalStateException().isThrownBy(() -> fixtures.as(fixtures.admin(), () -> accounts.grantAdmin(staff)));
	}

	/** Revokes every other admin inside the test's transaction, which is rolled back afterwards. */
	@Test
	@Transactional
	void theLastAdminCannotDeleteThemselves() {
		AccountPrincipal admin = fixtures.admin();
		List<UUID> others = jdbc.sql("select id from accounts where role = 'ADMIN' and id <> ?")
			.param(admin.accountId().value()).query(UUID.class).list();
		fixtures.as(admin, () -> {
			others.forEach(id -> accounts.revokeAdmin(new AccountId(id)));
			return null;
		});

		assertThat(accounts.delete(admin.accountId(), "admin-password-for-tests"))
			.isEqualTo(AccountService.Deletion.LAST_ADMIN);
		assertThat(accounts.find(admin.accountId()).orElseThrow().deleted()).isFalse();
	}

	private String statusOfOrder(AccountPrincipal buyer, BundleId bundle) {
		return jdbc.sql("select status from orders where buyer_id = ? and bundle_id = ?")
			.params(buyer.accountId().value(), bundle.value()).query(String.class).single();
	}

	private String fileOf(BundleId bundle) {
		return jdbc.sql("select id::text from bundle_files where bundle_id = ?").param(bundle.value())
			.query(String.class).single();
	}

	private long reportsBy(AccountId reporter) {
		return jdbc.sql("select count(*) from reports where reporter_id = ?").param(reporter.value())
			.query(Long.class).single();
	}

	private ResultActions delete(Cookie[] session, String password, boolean confirm) throws Exception {
		var request = post("/account/delete").cookie(session).with(csrf()).param("deletePassword", password);
		if (confirm) {
			request.param("confirm", "true");
		}
		return mvc.perform(request);
	}

	private Cookie[] logIn(String email) throws Exception {
		return mvc.perform(formLogin().user(email).password(PASSWORD)).andExpect(authenticated()).andReturn()
			.getResponse().getCookies();
	}
}
