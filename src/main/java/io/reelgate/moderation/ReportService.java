package io.reelgate.moderation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.accounts.AccountStatus;
import io.reelgate.catalog.BundleDetails;
import io.reelgate.catalog.BundleNotFoundException;
import io.reelgate.catalog.BundleSummary;
import io.reelgate.catalog.Catalog;
import io.reelgate.shared.AccountId;
import io.reelgate.shared.BundleId;

import org.springframework.context.ApplicationEventPublisher;
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

	private final ApplicationEventPublisher events;

	ReportService(Reports reports, Catalog catalog, ModerationService moderation, AuditLog auditLog, Clock clock,
			ApplicationEventPublisher events) {
		this.events = events;
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
		int resolved = resolveAll(bundle, ReportOutcome.Outcome.DISMISSED, reason);
		auditLog.save(new AuditEntry(admin, AuditAction.DISMISS_REPORTS, "BUNDLE", id.value(), bundle.title(),
				reason.strip(), clock.instant()));
		return resolved;
	}

	/** Hides the bundle (buyers keep it) and closes its open reports. */
	@PreAuthorize("hasRole('ADMIN')")
	public int hide(AccountPrincipal admin, BundleId id, String reason) {
		moderation.hide(admin, id, reason);
		return resolveAll(existing(id), ReportOutcome.Outcome.BUNDLE_HIDDEN, reason);
	}

	/** Removes the bundle for good (buyers are refunded) and closes its open reports. */
	@PreAuthorize("hasRole('ADMIN')")
	public int remove(AccountPrincipal admin, BundleId id, String reason) {
		moderation.remove(admin, id, reason);
		return resolveAll(existing(id), ReportOutcome.Outcome.BUNDLE_REMOVED, reason);
	}

	/** Suspends the bundle's creator (all their bundles leave the storefront) and closes its open reports. */
	@PreAuthorize("hasRole('ADMIN')")
	public int suspendCreator(AccountPrincipal admin, BundleId id, String reason) {
		BundleSummary bundle = existing(id);
		moderation.changeAccountStatus(admin, bundle.creatorId(), AccountStatus.SUSPENDED, reason);
		return resolveAll(bundle, ReportOutcome.Outcome.CREATOR_SUSPENDED, reason);
	}

	private BundleSummary existing(BundleId id) {
		BundleDetails bundle = catalog.purchased(List.of(id)).get(id);
		if (bundle == null) {
			throw new BundleNotFoundException();
		}
		return bundle.summary();
	}

	/** Closes the bundle's open reports and tells the people who sent them what became of them. */
	private int resolveAll(BundleSummary bundle, ReportOutcome.Outcome outcome, String reason) {
		if (reason == null || reason.isBlank()) {
			throw new IllegalArgumentException("An admin action needs a reason");
		}
		Report.Status status = outcome == ReportOutcome.Outcome.DISMISSED ? Report.Status.DISMISSED
				: Report.Status.ACTIONED;
		List<Report> open = reports.findOpenByBundleId(bundle.id().value());
		open.forEach(report -> report.resolve(status, reason.strip(), clock.instant()));
		List<AccountId> reporters = open.stream().map(Report::reporter).filter(Objects::nonNull).distinct().toList();
		List<String> contacts = open.stream().map(Report::contact).filter(Objects::nonNull).distinct().toList();
		if (!reporters.isEmpty() || !contacts.isEmpty()) {
			events.publishEvent(new ReportOutcome(bundle.title(), outcome, reason.strip(), reporters, contacts));
		}
		return open.size();
	}
}
