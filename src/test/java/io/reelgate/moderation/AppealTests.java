package io.reelgate.moderation;

import java.util.List;
import java.util.UUID;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.accounts.AccountService;
import io.reelgate.accounts.AccountStatus;
import io.reelgate.shared.BundleId;
import io.reelgate.support.Fixtures;
import io.reelgate.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class AppealTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	AppealService appeals;

	@Autowired
	ModerationService moderation;

	@Autowired
	AccountService accounts;

	@Test
	void aCreatorAppealsOnceAgainstAHiddenBundleAndAnUpheldAppealRestoresIt() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		String title = Fixtures.unique("Appealed");
		BundleId bundle = fixtures.published(creator, title, "x".getBytes());
		hide(bundle, "Looks pirated");
		UUID action = onlyAction(creator).id();
		mvc.perform(get("/studio").with(user(creator)))
			.andExpect(content().string(allOf(containsString("Moderation actions"), containsString("Looks pirated"),
					containsString("Send appeal"))));

		appeal(creator, action, "It is my own film; here is the festival listing.")
			.andExpect(flash().attribute("success", "appeal.sent"));
		appeal(creator, action, "Again").andExpect(flash().attribute("error", "appeal.once"));
		assertThat(onlyAction(creator).appeal()).isEqualTo("OPEN");

		AppealView open = openAppealOf(creator);
		assertThat(open.text()).isEqualTo("It is my own film; here is the festival listing.");
		mvc.perform(get("/admin/reports").with(user(fixtures.admin())))
			.andExpect(content().string(containsString("festival listing")));
		mvc.perform(post("/admin/reports/appeals/{id}/uphold", open.id()).with(user(fixtures.admin())).with(csrf())
			.param("reason", "Rights confirmed")).andExpect(flash().attribute("success", "appeals.admin.upheld"));

		mvc.perform(get("/bundles/{id}", bundle)).andExpect(status().isOk());
		assertThat(onlyAction(creator).appeal()).isEqualTo("UPHELD");
		assertThat(fixtures.as(fixtures.admin(), () -> moderation.recentActions(0)).getContent())
			.filteredOn(e -> e.targetId().equals(bundle.value()))
			.extracting(AuditRecord::action, AuditRecord::reason)
			.containsExactly(tuple("RESTORE_BUNDLE", "Rights confirmed"), tuple("HIDE_BUNDLE", "Looks pirated"));
	}

	@Test
	void aSuspendedCreatorAppealsAndARejectedAppealLeavesTheSuspension() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		fixtures.as(fixtures.admin(), () -> {
			moderation.changeAccountStatus(fixtures.admin(), creator.accountId(), AccountStatus.SUSPENDED, "Spam");
			return null;
		});
		appeal(creator, onlyAction(creator).id(), "Not spam");

		mvc.perform(post("/admin/reports/appeals/{id}/reject", openAppealOf(creator).id()).with(user(fixtures.admin()))
			.with(csrf()).param("reason", "Still spam")).andExpect(flash().attribute("success", "appeals.admin.rejected"));

		assertThat(accounts.find(creator.accountId()).orElseThrow().status()).isEqualTo(AccountStatus.SUSPENDED);
		assertThat(onlyAction(creator).appeal()).isEqualTo("REJECTED");
		assertThat(onlyAction(creator).mayAppeal()).isFalse();
	}

	@Test
	void nobodyAppealsAgainstAnActionOnSomeoneElse() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		BundleId bundle = fixtures.published(creator, Fixtures.unique("Theirs"), "x".getBytes());
		hide(bundle, "Reason");
		UUID action = onlyAction(creator).id();

		appeal(fixtures.creator(), action, "Me too").andExpect(flash().attribute("error", "appeal.notYours"));
		mvc.perform(post("/studio/appeals/{id}", action).with(user(fixtures.viewer())).with(csrf()).param("text", "x"))
			.andExpect(status().isForbidden());
		assertThat(onlyAction(creator).mayAppeal()).isTrue();
	}

	private void hide(BundleId bundle, String reason) {
		fixtures.as(fixtures.admin(), () -> {
			moderation.hide(fixtures.admin(), bundle, reason);
			return null;
		});
	}

	private AppealableAction onlyAction(AccountPrincipal creator) {
		List<AppealableAction> actions = appeals.actionsAgainst(creator.accountId());
		assertThat(actions).hasSize(1);
		return actions.get(0);
	}

	private AppealView openAppealOf(AccountPrincipal creator) {
		return fixtures.as(fixtures.admin(), appeals::openAppeals).stream()
			.filter(a -> a.creatorName().equals(creator.displayName())).findFirst().orElseThrow();
	}

	private ResultActions appeal(AccountPrincipal creator, UUID action, String text) throws Exception {
		return mvc.perform(post("/studio/appeals/{id}", action).with(user(creator)).with(csrf()).param("text", text));
	}
}
