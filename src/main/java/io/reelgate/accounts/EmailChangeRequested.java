package io.reelgate.accounts;

import io.reelgate.shared.AccountId;

/**
 * The account holder, having given their password, asked to move the account to a new address: a link goes to the
 * new address and a notice to the old one.
 */
record EmailChangeRequested(AccountId account, String previousEmail, String newEmail) {
}
