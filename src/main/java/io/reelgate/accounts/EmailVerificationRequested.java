package io.reelgate.accounts;

import io.reelgate.shared.AccountId;

/**
 * An account's address needs confirming (it signed up, or asked for a new link). Carries no token: the link is made
 * when the mail is sent, so no usable secret is ever written to the event publication table.
 */
record EmailVerificationRequested(AccountId account) {
}
