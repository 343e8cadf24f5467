package io.reelgate.accounts;

import java.util.List;
import java.util.UUID;

import io.reelgate.moderation.AuditRecord;
import io.reelgate.moderation.ModerationService;
import io.reelgate.shared.AccountId;
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
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class AdminRoleTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	AccountService accounts;

	@Autowired
	ModerationService moderation;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anAdminMakesAViewerAnAdminAndRevokingTheRoleEndsTheirSessionsAtOnce() throws Exception {
		AccountPrincipal viewer = fixtures.viewer();
		change(viewer.accountId(), "grant-admin", "Joins the trust and safety team")
			.andExpect(flash().attribute("success", "accounts.admin.granted"));
		assertThat(accounts.find(viewer.accountId()).orElseThrow().role()).isEqualTo(Role.ADMIN);

		Cookie[] session = mvc.perform(formLogin().user(viewer.email()).password("a-long-enough-password"))
			.andReturn().getResponse().getCookies();
		mvc.perform(get("/admin/accounts").cookie(session)).andExpect(status().isOk());

		change(viewer.accountId(), "revoke-admin", "Left the team")
			.andExpect(flash().attribute("success", "accounts.admin.revoked"));

		assertThat(accounts.find(viewer.accountId()).orElseThrow().role()).isEqualTo(Role.VIEWER);
		mvc.perform(get("/admin/accounts").cookie(session)).andExpect(redirectedUrl("/login"));
		assertThat(fixtures.as(fixtures.admin(), () -> moderation.recentActions(0)).getContent())
			.filteredOn(e -> e.targetId().equals(viewer.accountId().value()))
			.extracting(AuditRecord::action, AuditRecord::reason)
			.containsExactly(tuple("REVOKE_ADMIN", "Left the team"), tuple("GRANT_ADMIN", "Joins the trust and safety team"));
	}

	@Test
	void onlyViewersAreMadeAdminsSoCreatorsKeepTheirStudio() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		change(creator.accountId(), "grant-admin", "Helpful").andExpect(flash().attribute("error", "accounts.admin.notAllowed"));
		assertThat(accounts.find(creator.accountId()).orElseThrow().role()).isEqualTo(Role.CREATOR);
		mvc.perform(post("/admin/accounts/{id}/grant-admin", creator.accountId()).with(user(creator)).with(csrf())
			.param("reason", "me")).andExpect(status().isForbidden());
	}

	/** Revokes every other admin inside the test's transaction, which is rolled back afterwards. */
	@Test
	@Transactional
	void theLastAdminKeepsTheRoleEvenAgainstThemselves() {
		AccountPrincipal admin = fixtures.admin();
		List<UUID> others = jdbc.sql("select id from accounts where role = 'ADMIN' and id <> ?")
			.param(admin.accountId().value()).query(UUID.class).list();
		fixtures.as(admin, () -> {
			others.forEach(id -> accounts.revokeAdmin(new AccountId(id)));
			return null;
		});

		assertThatExceptionOfType(LastAdminException.class).isThrownBy(() -> fixtures.as(admin,
				() -> accounts.revokeAdmin(admin.accountId())));
		assertThat(accounts.find(admin.accountId()).orElseThrow().role()).isEqualTo(Role.ADMIN);
	}

	private ResultActions change(AccountId id, String action, String reason) throws Exception {
		return mvc.perform(post("/admin/accounts/{id}/{action}", id, action).with(user(fixtures.admin())).with(csrf())
			.param("reason", reason));
	}
}
