package io.reelgate.moderation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.accounts.AccountService;
import io.reelgate.accounts.AccountStatus;
import io.reelgate.accounts.AccountView;
import io.reelgate.accounts.Role;
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
 * Reports from anyone about a public bundle or a creator, and the admin queue that works through them: the open
 * reports of a bundle are resolved together by one action (dismiss, hide, remove, suspend the creator), and so are
 * the open reports about a creator (dismiss, suspend, ban).
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

	private final AccountService accounts;

	ReportService(Reports reports, Catalog catalog, ModerationService moderation, AuditLog auditLog, Clock clock,
			ApplicationEventPublisher events, AccountService accounts) {
		this.events = events;
		this.accounts = accounts;
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
		if (report.bundle() == null) {
			throw new IllegalArgumentException("A bundle report names its bundle");
		}
		BundleSummary bundle = catalog.acquirable(report.bundle());
		reports.save(new Report(report, bundle.creatorId(), clock.instant()));
	}

	/**
	 * Anyone may report a creator as a whole (a pattern across bundles, an impersonation, a scam account).
	 * @throws BundleNotFoundException if there is no such creator, as their public page would answer
	 * @throws IllegalArgumentException if a copyright report lacks what a takedown notice needs
	 */
	public void submitAboutCreator(AccountId creator, NewReport report) {
		if (report.bundle() != null) {
			throw new IllegalArgumentException("A creator report names no bundle");
		}
		AccountView account = creatorAccount(creator);
		reports.save(new Report(report, account.id(), clock.instant()));
	}

	/** Open reports about creators as a whole, grouped by creator; the oldest open report's creator first. */
	@PreAuthorize("hasRole('ADMIN')")
	@Transactional(readOnly = true)
	public List<CreatorReportGroup> openCreatorQueue() {
		Map<AccountId, List<ReportView>> byCreator = new LinkedHashMap<>();
		for (Report report : reports.findOpenAboutCreators()) {
			byCreator.computeIfAbsent(report.creator(), id -> new ArrayList<>()).add(report.view());
		}
		return byCreator.entrySet().stream()
			.map(e -> new CreatorReportGroup(creatorAccount(e.getKey()), List.copyOf(e.getValue())))
			.toList();
	}

	/** Closes the open reports about a creator without action. */
	@PreAuthorize("hasRole('ADMIN')")
	public int dismissAboutCreator(AccountPrincipal admin, AccountId creator, String reason) {
		AccountView account = creatorAccount(creator);
		int resolved = resolveAllAbout(account, ReportOutcome.Outcome.DISMISSED, reason);
		auditLog.save(new AuditEntry(admin, AuditAction.DISMISS_REPORTS, "ACCOUNT", creator.value(),
				account.displayName(), reason.strip(), clock.instant()));
		return resolved;
	}

	/**
	 * Suspends or bans a reported creator (all their bundles leave the storefront) and closes the open reports
	 * about them.
	 */
	@PreAuthorize("hasRole('ADMIN')")
	public int actOnCreator(AccountPrincipal admin, AccountId creator, AccountStatus status, String reason) {
		AccountView account = creatorAccount(creator);
		ReportOutcome.Outcome outcome = switch (status) {
			case SUSPENDED -> ReportOutcome.Outcome.CREATOR_SUSPENDED;
			case BANNED -> ReportOutcome.Outcome.CREATOR_BANNED;
			case ACTIVE -> throw new IllegalArgumentException("Restoring is not an answer to a report");
		};
		moderation.changeAccountStatus(admin, creator, status, reason);
		return resolveAllAbout(account, outcome, reason);
	}

	/** Open reports grouped by bundle; the bundle with the oldest open report comes first. */
	@PreAuthorize("hasRole('ADMIN')")
	@Transactional(readOnly = true)
	public List<ReportGroup> openQueue() {
		Map<BundleId, List<ReportView>> byBundle = new LinkedHashMap<>();
		for (Report report : reports.findOpenAboutBundles()) {
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

	/** Whose bundle {@code id} is, for the page that confirms suspending them. */
	@PreAuthorize("hasRole('ADMIN')")
	@Transactional(readOnly = true)
	public AccountId creatorOf(BundleId id) {
		return existing(id).creatorId();
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

	private AccountView creatorAccount(AccountId id) {
		return accounts.find(id).filter(a -> a.role() == Role.CREATOR).orElseThrow(BundleNotFoundException::new);
	}

	/** Closes the bundle's open reports and tells the people who sent them what became of them. */
	private int resolveAll(BundleSummary bundle, ReportOutcome.Outcome outcome, String reason) {
		return resolve(reports.findOpenByBundleId(bundle.id().value()), ReportOutcome.About.BUNDLE, bundle.title(),
				outcome, reason);
	}

	/** Closes the open reports about a creator and tells the people who sent them what became of them. */
	private int resolveAllAbout(AccountView creator, ReportOutcome.Outcome outcome, String reason) {
		return resolve(reports.findOpenAboutCreator(creator.id().value()), ReportOutcome.About.CREATOR,
				creator.displayName(), outcome, reason);
	}

	private int resolve(List<Report> open, ReportOutcome.About about, String subject, ReportOutcome.Outcome outcome,
			String reason) {
		if (reason == null || reason.isBlank()) {
			throw new IllegalArgumentException("An admin action needs a reason");
		}
		Report.Status status = outcome == ReportOutcome.Outcome.DISMISSED ? Report.Status.DISMISSED
				: Report.Status.ACTIONED;
		open.forEach(report -> report.resolve(status, reason.strip(), clock.instant()));
		List<AccountId> reporters = open.stream().map(Report::reporter).filter(Objects::nonNull).distinct().toList();
		List<String> contacts = open.stream().flatMap(r -> r.contacts().stream()).distinct().toList();
		if (!reporters.isEmpty() || !contacts.isEmpty()) {
			events.publishEvent(new ReportOutcome(about, subject, outcome, reason.strip(), reporters, contacts));
		}
		return open.size();
	}
}
