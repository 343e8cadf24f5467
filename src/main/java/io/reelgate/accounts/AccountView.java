package io.reelgate.accounts;

import io.reelgate.shared.AccountId;

/** What other modules may know of an account. */
public record AccountView(AccountId id, String email, String displayName, Role role) {
}
