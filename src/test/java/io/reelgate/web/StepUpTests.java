package io.reelgate.web;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.accounts.SecondFactorStatus;
import io.reelgate.accounts.SecondFactors;
import io.reelgate.support.Fixtures;
import io.reelgate.support.IntegrationTest;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * Dangerous actions with a factor older than the step-up window (5 minutes) are sent to show it again; with a
 * fresh one they reach their controller. Sessions are made with factor stamps in the past rather than by waiting.
 */
@IntegrationTest
class StepUpTests {

	private static final Duration STALE = Duration.ofMinutes(10);

	private static final String CONFIRM_PASSWORD = "/login/confirm-password";

	private static final String CODE = "/login/second-factor";

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	StepUpRules stepUp;

	@BeforeEach
	void switchStepUpOn() {
		stepUp.enable(true);
	}

	@AfterEach
	void restoreStepUp() {
		stepUp.enable(false);
	}

	@Test
	void creatorsTypeThePasswordAgainBeforeMakingATokenOrChangingPayouts() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		for (String path : List.of("/studio/tokens", "/studio/payouts/connect")) {
			assertThat(redirect(path, password(creator, STALE))).as(path).isEqualTo(CONFIRM_PASSWORD);
			assertThat(redirect(path, password(creator, Duration.ZERO))).as(path).isNotEqualTo(CONFIRM_PASSWORD);
		}
	}

	@Test
	void collaboratorsWhoAreNoCreatorsTypeThePasswordAgainBeforeSettingUpPayouts() throws Exception {
		AccountPrincipal viewer = fixtures.viewer();
		String path = "/collaborations/payouts/connect";
		assertThat(redirect(path, password(viewer, STALE))).isEqualTo(CONFIRM_PASSWORD);
		assertThat(redirect(path, password(viewer, Duration.ZERO))).isNotEqualTo(CONFIRM_PASSWORD);
	}

	@Test
	void adminsTypeThePasswordAgainBeforeRemovingRefundingBanningOrChangingRoles() throws Exception {
		AccountPrincipal admin = fixtures.admin();
		UUID id = UUID.randomUUID();
		for (String path : List.of("/admin/bundles/" + id + "/remove", "/admin/reports/bundles/" + id + "/remove",
				"/admin/payments/" + id + "/refund", "/admin/accounts/" + id + "/suspend",
				"/admin/accounts/" + id + "/ban", "/admin/accounts/" + id + "/grant-admin",
				"/admin/accounts/" + id + "/revoke-admin", "/admin/reports/creators/" + id + "/ban")) {
			assertThat(redirect(path, password(admin, STALE))).as(path).isEqualTo(CONFIRM_PASSWORD);
			assertThat(redirect(path, password(admin, Duration.ZERO))).as(path).isNotEqualTo(CONFIRM_PASSWORD);
		}
		AccountPrincipal creator = fixtures.creator();
		mvc.perform(post("/admin/payments/" + id + "/refund").with(authentication(password(creator, Duration.ZERO)))
			.with(csrf())).andExpect(result -> assertThat(result.getResponse().getStatus()).isEqualTo(403));
	}

	@Test
	void accountsWithASecondFactorShowAFreshCodeForEveryDangerousAction() throws Exception {
		AccountPrincipal creator = fixtures.creator().withSecondFactor(SecondFactorStatus.ENROLLED);
		for (String path : List.of("/account/password", "/account/email", "/account/delete", "/studio/tokens",
				"/studio/payouts/connect", "/account/two-factor/recovery-codes")) {
			assertThat(redirect(path, twoFactors(creator, STALE))).as(path).isEqualTo(CODE);
			assertThat(redirect(path, twoFactors(creator, Duration.ZERO))).as(path).isNotEqualTo(CODE);
		}
	}

	@Test
	void formsThatAskForThePasswordNeedNoSeparateConfirmation() throws Exception {
		AccountPrincipal viewer = fixtures.viewer();
		for (String path : List.of("/account/password", "/account/email", "/account/delete")) {
			assertThat(redirect(path, password(viewer, STALE))).as(path).isNull();
		}
	}

	@Test
	void afterTypingThePasswordAgainTheVisitorIsBackOnThePageOfTheForm() throws Exception {
		AccountPrincipal creator = fixtures.creator();
		Authentication stale = password(creator, STALE);
		Cookie[] session = mvc.perform(post("/studio/tokens").with(authentication(stale)).with(csrf())
			.header(HttpHeaders.REFERER, "http://localhost/studio/tokens?tab=new"))
			.andExpect(redirectedUrl(CONFIRM_PASSWORD)).andReturn().getResponse().getCookies();

		mvc.perform(post(CONFIRM_PASSWORD).cookie(session).with(authentication(stale)).with(csrf())
			.param("password", "not-the-password")).andExpect(model().attribute("error", "account.password.wrong"));
		mvc.perform(post(CONFIRM_PASSWORD).cookie(session).with(authentication(stale)).with(csrf())
			.param("password", "a-long-enough-password")).andExpect(redirectedUrl("/studio/tokens?tab=new"));
	}

	private String redirect(String path, Authentication authentication) throws Exception {
		MvcResult result = mvc.perform(post(path).with(authentication(authentication)).with(csrf())).andReturn();
		return result.getResponse().getRedirectedUrl();
	}

	private static Authentication password(AccountPrincipal principal, Duration age) {
		return signedIn(principal, FactorGrantedAuthority.withAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY)
			.issuedAt(Instant.now().minus(age)).build());
	}

	private static Authentication twoFactors(AccountPrincipal principal, Duration age) {
		return signedIn(principal,
				FactorGrantedAuthority.withAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY)
					.issuedAt(Instant.now().minus(age)).build(),
				FactorGrantedAuthority.withAuthority(SecondFactors.FACTOR_AUTHORITY).issuedAt(Instant.now().minus(age))
					.build());
	}

	private static Authentication signedIn(AccountPrincipal principal, GrantedAuthority... factors) {
		List<GrantedAuthority> authorities = new ArrayList<>(principal.getAuthorities());
		authorities.addAll(List.of(factors));
		return UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities);
	}
}
