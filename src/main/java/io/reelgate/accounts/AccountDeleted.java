package io.reelgate.accounts;

import io.reelgate.shared.AccountId;

/**
 * An account was deleted: its row remains, anonymised, for the records that refer to it. Each module that holds data
 * about the account cleans up its own (the catalog withdraws a creator's bundles, checkout closes open checkouts,
 * moderation forgets who reported), rather than the accounts module reaching into them.
 */
public record AccountDeleted(AccountId account, Role role) {
}
