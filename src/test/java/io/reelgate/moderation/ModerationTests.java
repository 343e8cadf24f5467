package io.reelgate.moderation;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.library.Library;
import io.reelgate.shared.BundleId;
import io.reelgate.support.Fixtures;
import io.reelgate.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class ModerationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	ModerationService moderation;

	@Autowired
	Library library;

	@Test
	void hidingTakesABundleOutOfTheStorefrontTellsTheCreatorWhyAndIsAudited() throws Exception {
		AccountPrincipal admin = fixtures.admin();
		AccountPrincipal creator = fixtures.creator();
		String title = Fixtures.unique("Pirated");
		BundleId bundle = fixtures.published(creator, title, "x".getBytes());
		String reason = Fixtures.unique("Copyright claim by Studio X");

		mvc.perform(post("/admin/bundles/{id}/hide", bundle).with(user(admin)).with(csrf()).param("reason", reason))
			.andExpect(redirectedUrl("/admin/bundles"))
			.andExpect(flash().attribute("success", "moderation.hidden"));

		mvc.perform(get("/")).andExpect(content().string(not(containsString(title))));
		mvc.perform(get("/bundles/{id}", bundle)).andExpect(status().isNotFound());
		mvc.perform(post("/checkout/{id}", bundle).with(user(fixtures.viewer())).with(csrf()))
			.andExpect(status().isNotFound());
		mvc.perform(get("/studio").with(user(creator))).andExpect(content().string(containsString(reason)));

		AuditRecord entry = fixtures.as(admin, () -> moderation.recentActions(0)).getContent().stream()
			.filter(e -> e.targetId().equals(bundle.value())).findFirst().orElseThrow();
		assertThat(entry.actorName()).isEqualTo("Test Admin");
		assertThat(entry.action()).isEqualTo("HIDE_BUNDLE");
		assertThat(entry.reason()).isEqualTo(reason);
		assertThat(entry.targetName()).isEqualTo(title);
		mvc.perform(get("/admin/audit").with(user(admin))).andExpect(content().string(containsString(reason)));
	}

	@Test
	void restoringPutsItBackAndIsAuditedToo() throws Exception {
		AccountPrincipal admin = fixtures.admin();
		String title = Fixtures.unique("Cleared");
		BundleId bundle = fixtures.published(fixtures.creator(), title, "x".getBytes());
		mvc.perform(post("/admin/bundles/{id}/hide", bundle).with(user(admin)).with(csrf()).param("reason", "Review"));

		mvc.perform(post("/admin/bundles/{id}/restore", bundle).with(user(admin)).with(csrf())
			.param("reason", "Claim withdrawn")).andExpect(flash().attribute("success", "moderation.restored"));

		mvc.perform(get("/bundles/{id}", bundle)).andExpect(status().isOk());
		assertThat(fixtures.as(admin, () -> moderation.recentActions(0)).getContent())
			.filteredOn(e -> e.targetId().equals(bundle.value()))
			.extracting(AuditRecord::action, AuditRecord::reason)
			.containsExactly(tuple("RESTORE_BUNDLE", "Claim withdrawn"),
					tuple("HIDE_BUNDLE", "Review"));
	}

	@Test
	void anActionWithoutAReasonChangesNothing() throws Exception {
		BundleId bundle = fixtures.published(fixtures.creator(), Fixtures.unique("Kept"), "x".getBytes());
		mvc.perform(post("/admin/bundles/{id}/hide", bundle).with(user(fixtures.admin())).with(csrf()).param("reason", "  "))
			.andExpect(flash().attribute("error", "moderation.reason.required"));
		mvc.perform(get("/bundles/{id}", bundle)).andExpect(status().isOk());
	}

	@Test
	void theServiceItselfRefusesNonAdmins() {
		AccountPrincipal creator = fixtures.creator();
		BundleId bundle = fixtures.published(creator, Fixtures.unique("Guarded"), "x".getBytes());
		assertThatThrownBy(() -> fixtures.as(creator, () -> {
			moderation.hide(creator, bundle, "self-service");
			return null;
		})).isInstanceOf(AccessDeniedException.class);
	}

	@Test
	void onlyAdminsModerate() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		BundleId bundle = fixtures.published(creator, Fixtures.unique("Safe"), "x".getBytes());

		mvc.perform(get("/admin/bundles").with(user(creator))).andExpect(status().isForbidden());
		mvc.perform(get("/admin/audit").with(user(fixtures.viewer()))).andExpect(status().isForbidden());
		mvc.perform(post("/admin/bundles/{id}/hide", bundle).with(user(creator)).with(csrf()).param("reason", "mine"))
			.andExpect(status().isForbidden());
		mvc.perform(get("/admin/bundles")).andExpect(redirectedUrl("/login"));
		mvc.perform(get("/bundles/{id}", bundle)).andExpect(status().isOk());
	}

	@Test
	void theModerationListFiltersByState() throws Exception {
		AccountPrincipal admin = fixtures.admin();
		String draft = Fixtures.unique("Listed draft");
		fixtures.draft(fixtures.creator(), draft, "x".getBytes());

		mvc.perform(get("/admin/bundles").param("filter", "DRAFT").with(user(admin)))
			.andExpect(content().string(containsString(draft)));
		mvc.perform(get("/admin/bundles").param("filter", "HIDDEN").with(user(admin)))
			.andExpect(content().string(not(containsString(draft))));
	}

	@Test
	void anAdminRefundNeedsAReasonRevokesAccessAndIsAudited() throws Exception {
		AccountPrincipal admin = fixtures.admin();
		AccountPrincipal buyer = fixtures.viewer();
		BundleId bundle = fixtures.published(fixtures.creator(), Fixtures.unique("Refunded"), "x".getBytes(), "6.00", "USD");
		String payPage = mvc.perform(post("/checkout/{id}", bundle).with(user(buyer)).with(csrf()))
			.andReturn().getResponse().getRedirectedUrl();
		mvc.perform(post(payPage + "/pay").with(user(buyer)).with(csrf()));
		String orderId = payPage.substring(payPage.lastIndexOf('/') + 1);

		mvc.perform(post("/admin/payments/{id}/refund", orderId).param("confirmed", "true").with(user(admin)).with(csrf()).param("reason", " "))
			.andExpect(flash().attribute("error", "moderation.reason.required"));
		assertThat(library.owns(buyer.accountId(), bundle)).isTrue();

		mvc.perform(post("/admin/payments/{id}/refund", orderId).param("confirmed", "true").with(user(admin)).with(csrf())
			.param("reason", "Buyer charged twice by their bank"))
			.andExpect(flash().attribute("success", "refund.done"));
		assertThat(library.owns(buyer.accountId(), bundle)).isFalse();
		assertThat(fixtures.as(admin, () -> moderation.recentActions(0)).getContent())
			.anySatisfy(e -> {
				assertThat(e.action()).isEqualTo("REFUND_ORDER");
				assertThat(e.targetId().toString()).isEqualTo(orderId);
				assertThat(e.reason()).isEqualTo("Buyer charged twice by their bank");
			});
		mvc.perform(get("/admin/payments").with(user(admin)))
			.andExpect(content().string(containsString("Payment gateway: Simulated")));
		mvc.perform(post("/admin/payments/{id}/refund", orderId).param("confirmed", "true").with(user(buyer)).with(csrf()).param("reason", "me"))
			.andExpect(status().isForbidden());
	}
}
