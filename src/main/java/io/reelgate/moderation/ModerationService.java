package io.reelgate.moderation;

import java.time.Clock;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.catalog.BundleModeration;
import io.reelgate.catalog.BundleSummary;
import io.reelgate.shared.BundleId;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Admin actions on the catalog, each written to the audit log in the same transaction as the action itself. */
@Service
@Transactional
@PreAuthorize("hasRole('ADMIN')")
public class ModerationService {

	private static final int AUDIT_PAGE_SIZE = 50;

	private final BundleModeration bundles;

	private final AuditLog auditLog;

	private final Clock clock;

	ModerationService(BundleModeration bundles, AuditLog auditLog, Clock clock) {
		this.bundles = bundles;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	public void hide(AccountPrincipal admin, BundleId id, String reason) {
		BundleSummary bundle = bundles.hide(id, requireReason(reason));
		audit(admin, AuditAction.HIDE_BUNDLE, bundle, reason);
	}

	public void restore(AccountPrincipal admin, BundleId id, String reason) {
		BundleSummary bundle = bundles.restore(id);
		audit(admin, AuditAction.RESTORE_BUNDLE, bundle, requireReason(reason));
	}

	@Transactional(readOnly = true)
	public Page<AuditRecord> recentActions(int page) {
		return auditLog.findAllByOrderByOccurredAtDesc(PageRequest.of(Math.max(page, 0), AUDIT_PAGE_SIZE))
			.map(AuditEntry::record);
	}

	private void audit(AccountPrincipal admin, AuditAction action, BundleSummary bundle, String reason) {
		auditLog.save(new AuditEntry(admin, action, "BUNDLE", bundle.id().value(), bundle.title(), reason.strip(),
				clock.instant()));
	}

	private static String requireReason(String reason) {
		if (reason == null || reason.isBlank()) {
			throw new IllegalArgumentException("An admin action needs a reason");
		}
		return reason.strip();
	}
}
