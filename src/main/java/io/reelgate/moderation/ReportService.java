package io.reelgate.moderation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.accounts.AccountStatus;
import io.reelgate.catalog.BundleDetails;
import io.reelgate.catalog.BundleNotFoundException;
import io.reelgate.catalog.BundleSummary;
import io.reelgate.catalog.Catalog;
import io.reelgate.shared.BundleId;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reports from anyone about a public bundle, and the admin queue that works through them: each open report of a
 * bundle is resolved together by one action, dismissing them, hiding the bundle or suspending its creator.
 */
@Service
@Transactional
public class ReportService {

	private final Reports reports;

	private final Catalog catalog;

	private final ModerationService moderation;

	private final AuditLog auditLog;

	private final Clock clock;

	ReportService(Reports reports, Catalog catalog, ModerationService moderation, AuditLog auditLog, Clock clock) {
		this.reports = reports;
		this.catalog = catalog;
		this.moderation = moderation;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	/**
	 * Anyone may report a bundle that is in the storefront.
	 * @throws BundleNotFoundException if it is not
	 * @throws IllegalArgumentException if a copyright report lacks what a takedown notice needs
	 */
	public void submit(NewReport report) {
		BundleSummary bundle = catalog.acquirable(report.bundle());
		reports.save(new Report(report, bundle.creatorId(), clock.instant()));
	}

	/** Open reports grouped by bundle; the bundle with the oldest open report comes first. */
	@PreAuthorize("hasRole('ADMIN')")
	@Transactional(readOnly = true)
	public List<ReportGroup> openQueue() {
		Map<BundleId, List<ReportView>> byBundle = new LinkedHashMap<>();
		for (Report report : reports.findOpen()) {
			byBundle.computeIfAbsent(report.bundle(), id -> new ArrayList<>()).add(report.view());
		}
		Map<BundleId, BundleDetails> bundles = catalog.purchased(byBundle.keySet());
		return byBundle.entrySet().stream()
			.map(e -> new ReportGroup(bundles.get(e.getKey()).summary(), List.copyOf(e.getValue())))
			.toList();
	}

	/** Closes the bundle's open reports without action. */
	@PreAuthorize("hasRole('ADMIN')")
	public int dismiss(AccountPrincipal admin, BundleId id, String reason) {
		BundleSummary bundle = existing(id);
		int resolved = resolveAll(id, Report.Status.DISMISSED, reason);
		auditLog.save(new AuditEntry(admin, AuditAction.DISMISS_REPORTS, "BUNDLE", id.value(), bundle.title(),
				reason.strip(), clock.instant()));
		return resolved;
	}

	/** Hides the bundle (buyers keep it) and closes its open reports. */
	@PreAuthorize("hasRole('ADMIN')")
	public int hide(AccountPrincipal admin, BundleId id, String reason) {
		moderation.hide(admin, id, reason);
		return resolveAll(id, Report.Status.ACTIONED, reason);
	}

	/** Suspends the bundle's creator (all their bundles leave the storefront) and closes its open reports. */
	@PreAuthorize("hasRole('ADMIN')")
	public int suspendCreator(AccountPrincipal admin, BundleId id, String reason) {
		moderation.changeAccountStatus(admin, existing(id).creatorId(), AccountStatus.SUSPENDED, reason);
		return resolveAll(id, Report.Status.ACTIONED, reason);
	}

	private BundleSummary existing(BundleId id) {
		BundleDetails bundle = catalog.purchased(List.of(id)).get(id);
		if (bundle == null) {
			throw new BundleNotFoundException();
		}
		return bundle.summary();
	}

	private int resolveAll(BundleId id, Report.Status outcome, String reason) {
		if (reason == null || reason.isBlank()) {
			throw new IllegalArgumentException("An admin action needs a reason");
		}
		List<Report> open = reports.findOpenByBundleId(id.value());
		open.forEach(report -> report.resolve(outcome, reason.strip(), clock.instant()));
		return open.size();
	}
}
