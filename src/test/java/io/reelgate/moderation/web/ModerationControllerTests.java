package io.reelgate.moderation.web;

import java.util.UUID;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.accounts.Role;
import io.reelgate.catalog.Catalog;
import io.reelgate.catalog.CatalogException;
import io.reelgate.moderation.AuditFilter;
import io.reelgate.moderation.ModerationService;
import io.reelgate.shared.AccountId;
import io.reelgate.shared.BundleId;
import io.reelgate.web.SiteSecurity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.data.domain.Page;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * The admin's catalog and audit log as a web slice with the site's real security: who reaches the pages, how bad
 * filter input and a missing reason are answered, and that a refused or forged form changes nothing. The services
 * are mocks; what the log finds in the database is {@code AuditFilterTests}' part.
 */
@WebMvcTest(ModerationController.class)
@SiteSecurity
class ModerationControllerTests {

	private static final AccountPrincipal ADMIN = principal(Role.ADMIN);

	private static final BundleId BUNDLE = new BundleId(UUID.randomUUID());

	@Autowired
	MockMvc mvc;

	@MockitoBean
	ModerationService moderation;

	@MockitoBean
	Catalog catalog;

	@MockitoBean
	AdminConfirmations confirmation;

	@BeforeEach
	void emptyLog() {
		given(moderation.auditLog(any(), anyInt())).willReturn(Page.empty());
	}

	@Test
	void aFromDateThatIsNoDateIsAFormMessageAboveTheWholeLog() throws Exception {
		mvc.perform(get("/admin/audit").param("from", "yesterday").with(user(ADMIN)))
			.andExpect(status().isOk())
			.andExpect(view().name(ModerationController.AUDIT_VIEW))
			.andExpect(model().attributeHasFieldErrorCode("filter", "from", "typeMismatch"))
			.andExpect(content().string(containsString("Enter a date as YYYY-MM-DD.")));
		verify(moderation).auditLog(AuditFilter.none(), 0);
	}

	@Test
	void daysInTheWrongOrderAreAFormMessage() throws Exception {
		mvc.perform(get("/admin/audit").param("from", "2026-02-02").param("to", "2026-02-01").with(user(ADMIN)))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasErrors("filter"))
			.andExpect(content().string(containsString("The first day must not come after the last.")));
		verify(moderation).auditLog(AuditFilter.none(), 0);
	}

	@Test
	void anActionNotInTheListIsAFieldErrorNotAServerError() throws Exception {
		mvc.perform(get("/admin/audit").param("action", "DROP_TABLES").with(user(ADMIN)))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("filter", "action", "typeMismatch"))
			.andExpect(content().string(containsString("Choose an action from the list.")));
	}

	@Test
	void aGoodFilterSearchesTheLogAndPagesWithIt() throws Exception {
		mvc.perform(get("/admin/audit").param("target", "Sunrise").param("page", "2").with(user(ADMIN)))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasNoErrors("filter"))
			.andExpect(model().attribute("pageUrl", "/admin/audit?target=Sunrise"));
		verify(moderation).auditLog(new AuditFilter(null, null, "Sunrise", null, null), 2);
	}

	@Test
	void anonymousVisitorsAreSentToTheLoginPage() throws Exception {
		mvc.perform(get("/admin/audit"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/login"));
		verifyNoInteractions(moderation, catalog);
	}

	@Test
	void viewersAndCreatorsAreRefusedTheAdminPages() throws Exception {
		for (Role role : new Role[] { Role.VIEWER, Role.CREATOR }) {
			AccountPrincipal someone = principal(role);
			mvc.perform(get("/admin/audit").with(user(someone))).andExpect(status().isForbidden());
			mvc.perform(get("/admin/bundles").with(user(someone))).andExpect(status().isForbidden());
			mvc.perform(post("/admin/bundles/{id}/hide", BUNDLE).param("reason", "Mine now").with(csrf())
				.with(user(someone))).andExpect(status().isForbidden());
		}
		verifyNoInteractions(moderation, catalog);
	}

	@Test
	void hidingWithoutACsrfTokenOrWithAForgedOneIsRefusedAndHidesNothing() throws Exception {
		mvc.perform(post("/admin/bundles/{id}/hide", BUNDLE).param("reason", "Spam").with(user(ADMIN)))
			.andExpect(status().isForbidden());
		mvc.perform(post("/admin/bundles/{id}/hide", BUNDLE).param("reason", "Spam").with(csrf().useInvalidToken())
			.with(user(ADMIN))).andExpect(status().isForbidden());
		verifyNoInteractions(moderation);
	}

	@Test
	void hidingWithoutAReasonHidesNothingAndSaysWhy() throws Exception {
		mvc.perform(post("/admin/bundles/{id}/hide", BUNDLE).param("reason", "  ").with(csrf()).with(user(ADMIN)))
			.andExpect(redirectedUrl("/admin/bundles"))
			.andExpect(flash().attribute("error", "moderation.reason.required"));
		verify(moderation, never()).hide(any(), any(), any());
	}

	@Test
	void aHideTheCatalogRefusesComesBackWithItsReason() throws Exception {
		willThrow(new CatalogException("bundle.notRemoved")).given(moderation).hide(ADMIN, BUNDLE, "Spam");

		mvc.perform(post("/admin/bundles/{id}/hide", BUNDLE).param("reason", "Spam").with(csrf()).with(user(ADMIN)))
			.andExpect(redirectedUrl("/admin/bundles"))
			.andExpect(flash().attribute("error", "bundle.notRemoved"))
			.andExpect(flash().attributeCount(1));
	}

	@Test
	void hidingWithAReasonHidesTheBundleAsThisAdmin() throws Exception {
		mvc.perform(post("/admin/bundles/{id}/hide", BUNDLE).param("reason", "Spam").with(csrf()).with(user(ADMIN)))
			.andExpect(redirectedUrl("/admin/bundles"))
			.andExpect(flash().attribute("success", "moderation.hidden"));
		verify(moderation).hide(ADMIN, BUNDLE, "Spam");
	}

	private static AccountPrincipal principal(Role role) {
		return new AccountPrincipal(AccountId.random(), role.name().toLowerCase() + "@reelgate.test", role.name(), "",
				role);
	}
}
