package io.reelgate.storefront;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.moderation.ModerationService;
import io.reelgate.shared.BundleId;
import io.reelgate.support.Fixtures;
import io.reelgate.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Admins pick the storefront's featured row; each pick is audited, and the row shows only public bundles. */
@IntegrationTest
class FeaturedRowTests {

	private static final byte[] FILM = "film".getBytes();

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	ModerationService moderation;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anAdminFeaturesABundleAndTheStorefrontShowsItFirstUntilItIsHiddenOrTakenOut() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		String title = Fixtures.unique("Featured Pick");
		BundleId bundle = fixtures.published(creator, title, FILM);
		AccountPrincipal admin = fixtures.admin();

		mvc.perform(post("/admin/bundles/{id}/feature", bundle).with(user(admin)).with(csrf()))
			.andExpect(flash().attribute("success", "moderation.featured"));
		assertThat(featuredRow()).contains(title);
		assertThat(mvc.perform(get("/admin/bundles").with(user(admin))).andReturn().getResponse().getContentAsString())
			.contains("Take out of Featured " + title);
		assertThat(jdbc.sql("select count(*) from audit_log where action = 'FEATURE_BUNDLE' and target_id = ?")
			.param(bundle.value()).query(Long.class).single()).isEqualTo(1);

		fixtures.as(admin, () -> {
			moderation.hide(admin, bundle, "Checking a report");
			return null;
		});
		assertThat(featuredRow()).doesNotContain(title);
		fixtures.as(admin, () -> {
			moderation.restore(admin, bundle, "Report dismissed");
			return null;
		});
		assertThat(featuredRow()).contains(title);

		mvc.perform(post("/admin/bundles/{id}/unfeature", bundle).with(user(admin)).with(csrf()))
			.andExpect(flash().attribute("success", "moderation.unfeatured"));
		assertThat(featuredRow()).doesNotContain(title);
		assertThat(jdbc.sql("select count(*) from audit_log where action = 'UNFEATURE_BUNDLE' and target_id = ?")
			.param(bundle.value()).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void onlyAdminsPickAndOnlyPublishedBundlesCanBePicked() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		BundleId draft = fixtures.draft(creator, Fixtures.unique("Draft Pick"), FILM);
		BundleId published = fixtures.published(creator, Fixtures.unique("Self Pick"), FILM);

		mvc.perform(post("/admin/bundles/{id}/feature", published).with(user(creator)).with(csrf()))
			.andExpect(status().isForbidden());
		mvc.perform(post("/admin/bundles/{id}/feature", published).with(user(fixtures.admin())))
			.andExpect(status().isForbidden());
		mvc.perform(post("/admin/bundles/{id}/feature", draft).with(user(fixtures.admin())).with(csrf()))
			.andExpect(flash().attribute("error", "bundle.feature.unpublished"));
		assertThat(jdbc.sql("select count(*) from bundles where featured_at is not null and id in (?, ?)")
			.param(draft.value()).param(published.value()).query(Long.class).single()).isZero();
	}

	/** The featured row's part of the storefront's first page (it is absent from search results and older pages). */
	private String featuredRow() throws Exception {
		String home = mvc.perform(get("/")).andReturn().getResponse().getContentAsString();
		int start = home.indexOf("id=\"featured-heading\"");
		return start < 0 ? "" : home.substring(start, home.indexOf("</section>", start));
	}
}
