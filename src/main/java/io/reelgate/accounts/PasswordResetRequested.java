package io.reelgate.accounts;

import io.reelgate.shared.AccountId;

/** Someone asked for a password reset link for this (existing) account; the link is made when the mail is sent. */
record PasswordResetRequested(AccountId account) {
}
