package io.reelgate.accounts;

import io.reelgate.shared.AccountId;
import org.jspecify.annotations.Nullable;

/** What other modules may know of an account. */
public record AccountView(AccountId id, String email, String displayName, Role role, AccountStatus status,
		@Nullable String statusReason) {

	public boolean isActive() {
		return status == AccountStatus.ACTIVE;
	}
}
