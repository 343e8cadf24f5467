package io.reelgate.web;

import java.time.Clock;
import java.time.Duration;

import io.reelgate.accounts.SecondFactorProperties;
import io.reelgate.accounts.SecondFactors;

import org.springframework.security.authorization.AllRequiredFactorsAuthorizationManager;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagerFactory;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.authorization.ConditionalAuthorizationManager;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.stereotype.Component;

/**
 * Dangerous actions ask for a fresh factor: the second factor shown within
 * {@code reelgate.security.second-factor.step-up-window} (default 5 minutes) where the account demands one, or else
 * the password typed within it. One phished session cookie or a browser left open then cannot redirect payouts, take
 * the account over or, for an admin, remove films, refund orders, ban creators or hand out roles. A session whose
 * factor is too old is sent to type it again ({@link SecondFactorRules}) and then back to the page of the form.
 * <p>
 * Changing the password or address and deleting the account already ask for the password in the form, so for
 * accounts without a second factor that is the fresh factor; with one, a fresh code is asked for too.
 */
@Component
class StepUpRules {

	/** Forms that check the password themselves. */
	static final String[] ACCOUNT = { "/account/password", "/account/email", "/account/delete" };

	/** Also {@link SecondFactorRules#PASSKEY_REGISTRATION}, which a session setting up its first factor may skip. */
	static final String[] ACCOUNT_SECURITY = { "/account/two-factor/recovery-codes", "/account/passkeys/*/remove" };

	static final String[] CREATOR = { "/studio/tokens", "/studio/payouts/connect" };

	/** Collaborators need not be creators; their payout set-up asks for a fresh factor all the same. */
	static final String[] COLLABORATOR = { "/collaborations/payouts/connect" };

	static final String[] ADMIN = { "/admin/bundles/*/remove", "/admin/reports/bundles/*/remove",
			"/admin/payments/*/refund", "/admin/accounts/*/suspend", "/admin/accounts/*/ban",
			"/admin/accounts/*/grant-admin", "/admin/accounts/*/revoke-admin", "/admin/reports/bundles/*/suspend",
			"/admin/reports/creators/*/suspend", "/admin/reports/creators/*/ban" };

	private final Duration window;

	private final Clock clock;

	private final AuthorizationManagerFactory<RequestAuthorizationContext> rules;

	private volatile boolean enabled;

	StepUpRules(SecondFactorProperties properties, Clock clock,
			AuthorizationManagerFactory<RequestAuthorizationContext> rules) {
		this.window = properties.stepUpWindow();
		this.enabled = properties.stepUp();
		this.clock = clock;
		this.rules = rules;
	}

	/** Switches step-up on or off at run time (operators set {@code step-up}; tests switch it and restore it). */
	void enable(boolean on) {
		this.enabled = on;
	}

	boolean enabled() {
		return enabled;
	}

	/** For forms that ask for the password again. */
	AuthorizationManager<RequestAuthorizationContext> passwordInForm() {
		return switchable(fresh(AuthenticatedAuthorizationManager.authenticated()), rules.authenticated());
	}

	AuthorizationManager<RequestAuthorizationContext> signedIn() {
		return switchable(fresh(factor(FactorGrantedAuthority.PASSWORD_AUTHORITY)), rules.authenticated());
	}

	AuthorizationManager<RequestAuthorizationContext> role(String role) {
		return switchable(AuthorizationManagers.allOf(AuthorityAuthorizationManager.hasRole(role),
				fresh(factor(FactorGrantedAuthority.PASSWORD_AUTHORITY))), rules.hasRole(role));
	}

	/** The step-up rule while step-up is on, else the rule the path would have had without it. */
	private AuthorizationManager<RequestAuthorizationContext> switchable(
			AuthorizationManager<RequestAuthorizationContext> stepUp,
			AuthorizationManager<RequestAuthorizationContext> otherwise) {
		return (authentication, context) -> enabled ? stepUp.authorize(authentication, context)
				: otherwise.authorize(authentication, context);
	}

	private AuthorizationManager<RequestAuthorizationContext> fresh(
			AuthorizationManager<RequestAuthorizationContext> withoutSecondFactor) {
		return ConditionalAuthorizationManager.<RequestAuthorizationContext>when(SecondFactorRules::demandsSecondFactor)
			.whenTrue(factor(SecondFactors.FACTOR_AUTHORITY))
			.whenFalse(withoutSecondFactor)
			.build();
	}

	private AllRequiredFactorsAuthorizationManager<RequestAuthorizationContext> factor(String authority) {
		AllRequiredFactorsAuthorizationManager<RequestAuthorizationContext> manager = AllRequiredFactorsAuthorizationManager
			.<RequestAuthorizationContext>builder()
			.requireFactor(factor -> factor.authority(authority).validDuration(window))
			.build();
		manager.setClock(clock);
		return manager;
	}
}
