package io.reelgate.moderation;

import java.time.LocalDate;
import java.time.ZoneOffset;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.shared.BundleId;
import io.reelgate.support.Fixtures;
import io.reelgate.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Page;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The audit log filtered by actor, action, target and days, on the page and on the dashboard. How the page answers
 * bad filter input and who may see it is {@code moderation.web.ModerationControllerTests}' part (a web slice).
 */
@IntegrationTest
class AuditFilterTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	ModerationService moderation;

	@Test
	void filtersCombineAndMatchTextLiterally() {
		AccountPrincipal admin = fixtures.admin();
		String title = Fixtures.unique("Filtered 100%_title");
		BundleId bundle = fixtures.published(fixtures.creator(), title, "x".getBytes());
		fixtures.as(admin, () -> {
			moderation.hide(admin, bundle, "First look");
			moderation.restore(admin, bundle, "Second look");
			return null;
		});
		LocalDate today = LocalDate.now(ZoneOffset.UTC);

		assertThat(search(new AuditFilter(null, null, title, null, null)).getContent())
			.extracting(AuditRecord::action).containsExactly("RESTORE_BUNDLE", "HIDE_BUNDLE");
		assertThat(search(new AuditFilter("test ADMIN", AuditAction.HIDE_BUNDLE, title.toUpperCase(), today, today))
			.getContent()).extracting(AuditRecord::reason).containsExactly("First look");
		assertThat(search(new AuditFilter(null, null, bundle.value().toString(), null, null)).getTotalElements())
			.isEqualTo(2);
		assertThat(search(new AuditFilter(null, null, "Filtered 100__title", null, null)).getContent()).isEmpty();
		assertThat(search(new AuditFilter("someone else", null, title, null, null)).getContent()).isEmpty();
		assertThat(search(new AuditFilter(null, null, title, today.plusDays(1), null)).getContent()).isEmpty();
		assertThat(search(new AuditFilter(null, null, title, null, today.minusDays(1))).getContent()).isEmpty();
	}

	@Test
	void theAuditPageShowsWhatTheFilterFinds() throws Exception {
		AccountPrincipal admin = fixtures.admin();
		String title = Fixtures.unique("Paged");
		BundleId bundle = fixtures.published(fixtures.creator(), title, "x".getBytes());
		fixtures.as(admin, () -> {
			moderation.hide(admin, bundle, "Hidden for the page");
			moderation.restore(admin, bundle, "Restored for the page");
			return null;
		});

		mvc.perform(get("/admin/audit").param("action", "HIDE_BUNDLE").param("target", title).with(user(admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Hidden for the page"),
					not(containsString("Restored for the page")), containsString("One entry"))));
	}

	@Test
	void theDashboardLinksToFilteredViewsOfTheLog() throws Exception {
		mvc.perform(get("/admin").with(user(fixtures.admin())))
			.andExpect(content().string(allOf(containsString("/admin/audit?action=REMOVE_BUNDLE"),
					containsString("/admin/audit?actor=Test%20Admin"), containsString("/admin/audit?from="))));
	}

	private Page<AuditRecord> search(AuditFilter filter) {
		return fixtures.as(fixtures.admin(), () -> moderation.auditLog(filter, 0));
	}
}
