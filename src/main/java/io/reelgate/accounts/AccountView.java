package io.reelgate.accounts;

import io.reelgate.shared.AccountId;
import org.jspecify.annotations.Nullable;

/**
 * What other modules may know of an account.
 *
 * @param deleted the account was deleted: its email and name are placeholders, and nobody is to be mailed
 */
public record AccountView(AccountId id, String email, String displayName, Role role, AccountStatus status,
		@Nullable String statusReason, boolean deleted) {

	public boolean isActive() {
		return status == AccountStatus.ACTIVE;
	}
}
