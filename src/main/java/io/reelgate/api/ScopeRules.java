package io.reelgate.api;

import java.util.function.Supplier;

import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/** URL rules that need a token scope and, when refused, say which one was missing. */
final class ScopeRules {

	private ScopeRules() {
	}

	static AuthorizationManager<RequestAuthorizationContext> scope(Scope scope) {
		return (Supplier<? extends Authentication> authentication, RequestAuthorizationContext context) -> {
			boolean granted = authentication.get() instanceof ApiAuthentication api
					&& api.caller().scopes().contains(scope);
			return granted ? new AuthorizationDecision(true) : new MissingScope(scope);
		};
	}

	/** A refusal for want of {@code scope}; {@link ProblemResponses} names it in the 403. */
	static final class MissingScope extends AuthorizationDecision {

		private final Scope scope;

		MissingScope(Scope scope) {
			super(false);
			this.scope = scope;
		}

		Scope scope() {
			return scope;
		}
	}
}
