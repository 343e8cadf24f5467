package io.reelgate.moderation;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.accounts.AccountStatus;
import io.reelgate.shared.BundleId;
import io.reelgate.support.Fixtures;
import io.reelgate.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class AccountModerationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	ModerationService moderation;

	@Test
	void aSuspendedCreatorsBundlesLeaveTheStorefrontButBuyersKeepTheirDownloadsAndTheCreatorSeesWhy() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		AccountPrincipal buyer = fixtures.viewer();
		String owned = Fixtures.unique("Bought before");
		BundleId bought = fixtures.draft(creator, owned, "x".getBytes());
		String file = fixtures.addFile(creator, bought, "extra.txt", "extra".getBytes()).id().toString();
		fixtures.publish(creator, bought);
		mvc.perform(post("/checkout/{id}", bought).with(user(buyer)).with(csrf())).andExpect(redirectedUrl("/library"));
		String other = Fixtures.unique("Never bought");
		BundleId unsold = fixtures.published(creator, other, "x".getBytes());
		BundleId draft = fixtures.draft(creator, Fixtures.unique("Waiting"), "x".getBytes());
		String reason = Fixtures.unique("Repeated copyright strikes");

		change(creator, "suspend", reason).andExpect(redirectedUrl("/admin/accounts"))
			.andExpect(flash().attribute("success", "accounts.admin.changed.SUSPENDED"));

		mvc.perform(get("/")).andExpect(content().string(allOf(not(containsString(owned)), not(containsString(other)))));
		mvc.perform(get("/creators/{id}", creator.accountId())).andExpect(content().string(not(containsString(other))));
		mvc.perform(get("/bundles/{id}", unsold).with(user(buyer))).andExpect(status().isNotFound());
		mvc.perform(post("/checkout/{id}", unsold).with(user(fixtures.viewer())).with(csrf()))
			.andExpect(status().isNotFound());
		mvc.perform(get("/downloads/{id}", file).with(user(buyer))).andExpect(status().isOk());
		mvc.perform(get("/library").with(user(buyer))).andExpect(content().string(allOf(containsString(owned),
				containsString("No longer in the storefront"), not(containsString("href=\"/bundles/" + bought + "\"")))));

		mvc.perform(formLogin().user(creator.email()).password("a-long-enough-password")).andExpect(authenticated());
		mvc.perform(get("/studio").with(user(creator)))
			.andExpect(content().string(allOf(containsString("Your account is suspended"), containsString(reason))));
		mvc.perform(post("/studio/bundles/{id}/publish", draft).with(user(creator)).with(csrf()))
			.andExpect(flash().attribute("error", "bundle.publish.accountSuspended"));
		mvc.perform(get("/bundles/{id}", draft)).andExpect(status().isNotFound());

		assertThat(fixtures.as(fixtures.admin(), () -> moderation.recentActions(0)).getContent())
			.filteredOn(e -> e.targetId().equals(creator.accountId().value()))
			.extracting(AuditRecord::action, AuditRecord::actorName, AuditRecord::reason, AuditRecord::targetName)
			.containsExactly(tuple("SUSPEND_ACCOUNT", "Test Admin", reason, creator.displayName()));
	}

	@Test
	void restoringPutsTheBundlesBackExceptOnesHiddenOneByOneAndIsAudited() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		BundleId kept = fixtures.published(creator, Fixtures.unique("Kept"), "x".getBytes());
		BundleId pirated = fixtures.published(creator, Fixtures.unique("Pirated"), "x".getBytes());
		mvc.perform(post("/admin/bundles/{id}/hide", pirated).with(user(fixtures.admin())).with(csrf())
			.param("reason", "Takedown notice"));
		change(creator, "ban", "Fraud");
		mvc.perform(get("/bundles/{id}", kept)).andExpect(status().isNotFound());

		change(creator, "restore", "Appeal upheld").andExpect(flash().attribute("success", "accounts.admin.changed.ACTIVE"));

		mvc.perform(get("/bundles/{id}", kept)).andExpect(status().isOk());
		mvc.perform(get("/bundles/{id}", pirated)).andExpect(status().isNotFound());
		mvc.perform(get("/studio").with(user(creator))).andExpect(content().string(not(containsString("Your account is"))));
		assertThat(fixtures.as(fixtures.admin(), () -> moderation.recentActions(0)).getContent())
			.filteredOn(e -> e.targetId().equals(creator.accountId().value()))
			.extracting(AuditRecord::action, AuditRecord::reason)
			.containsExactly(tuple("RESTORE_ACCOUNT", "Appeal upheld"), tuple("BAN_ACCOUNT", "Fraud"));
	}

	@Test
	void adminsFindAccountsByEmailOrNameAndSeeTheirStatus() throws Exception {
		String name = Fixtures.unique("Searchable 100%_Studio");
		AccountPrincipal creator = fixtures.creator(name);
		change(creator, "ban", "Spam uploads");

		mvc.perform(get("/admin/accounts").param("q", name.toUpperCase()).with(user(fixtures.admin())))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString(creator.email()), containsString("Banned"),
					containsString("Spam uploads"))));
		mvc.perform(get("/admin/accounts").param("q", creator.email()).with(user(fixtures.admin())))
			.andExpect(content().string(containsString(name)));
		// % and _ are plain characters, not wildcards.
		mvc.perform(get("/admin/accounts").param("q", "100%_studio").with(user(fixtures.admin())))
			.andExpect(content().string(containsString(name)));
		mvc.perform(get("/admin/accounts").param("q", "Searchable 100_").with(user(fixtures.admin())))
			.andExpect(content().string(not(containsString(name))));
	}

	@Test
	void onlyCreatorsAreSuspendedEveryChangeNeedsAReasonAndOnlyAdminsMayMakeIt() throws Exception {
		AccountPrincipal viewer = fixtures.viewer();
		change(viewer, "suspend", "Because").andExpect(flash().attribute("error", "accounts.admin.notAllowed"));

		AccountPrincipal creator = fixtures.creator();
		BundleId bundle = fixtures.published(creator, Fixtures.unique("Still here"), "x".getBytes());
		change(creator, "suspend", " ").andExpect(flash().attribute("error", "moderation.reason.required"));
		mvc.perform(get("/bundles/{id}", bundle)).andExpect(status().isOk());

		mvc.perform(post("/admin/accounts/{id}/suspend", creator.accountId()).param("confirmed", "true").with(user(fixtures.creator()))
			.with(csrf()).param("reason", "rival")).andExpect(status().isForbidden());
		assertThatThrownBy(() -> fixtures.as(creator, () -> {
			moderation.changeAccountStatus(creator, creator.accountId(), AccountStatus.ACTIVE, "self-service");
			return null;
		})).isInstanceOf(AccessDeniedException.class);
		mvc.perform(post("/admin/accounts/{id}/suspend", java.util.UUID.randomUUID()).param("confirmed", "true").with(user(fixtures.admin()))
			.with(csrf()).param("reason", "nobody")).andExpect(status().isNotFound());
	}

	private ResultActions change(AccountPrincipal account, String action, String reason) throws Exception {
		return mvc.perform(post("/admin/accounts/{id}/{action}", account.accountId(), action)
			.with(user(fixtures.admin())).with(csrf()).param("confirmed", "true").param("reason", reason));
	}
}
