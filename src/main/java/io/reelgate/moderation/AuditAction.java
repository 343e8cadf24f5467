package io.reelgate.moderation;

/** The admin actions the audit log knows. */
public enum AuditAction {
	HIDE_BUNDLE, RESTORE_BUNDLE, REMOVE_BUNDLE, REFUND_ORDER, SUSPEND_ACCOUNT, BAN_ACCOUNT, RESTORE_ACCOUNT, GRANT_ADMIN, REVOKE_ADMIN, DISMISS_REPORTS, REJECT_APPEAL
}
