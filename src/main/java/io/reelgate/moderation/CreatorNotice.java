package io.reelgate.moderation;

import io.reelgate.shared.AccountId;

/**
 * An admin action a creator must hear about, published in the action's transaction (so it is mailed only if the
 * action committed, and retried if the mail failed).
 *
 * @param subject what it happened to: the bundle's title, or the creator's own name
 * @param reason the admin's reason, as given
 */
public record CreatorNotice(Kind kind, AccountId creator, String subject, String reason) {

	public enum Kind {
		BUNDLE_HIDDEN, BUNDLE_REMOVED, BUNDLE_RESTORED, ACCOUNT_SUSPENDED, ACCOUNT_BANNED, ACCOUNT_RESTORED, APPEAL_REJECTED, BUNDLE_APPROVED, BUNDLE_REJECTED
	}
}
