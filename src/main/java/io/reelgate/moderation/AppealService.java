package io.reelgate.moderation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.accounts.AccountService;
import io.reelgate.accounts.AccountStatus;
import io.reelgate.catalog.BundleSummary;
import io.reelgate.catalog.Catalog;
import io.reelgate.shared.AccountId;
import io.reelgate.shared.BundleId;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appeals: a creator appeals once against each action that hid or removed one of their bundles or suspended or banned their
 * account; admins uphold an appeal (which undoes the action) or reject it, with a reason.
 */
@Service
@Transactional
public class AppealService {

	private static final Set<AuditAction> APPEALABLE = EnumSet.of(AuditAction.HIDE_BUNDLE, AuditAction.REMOVE_BUNDLE,
			AuditAction.SUSPEND_ACCOUNT, AuditAction.BAN_ACCOUNT);

	private final Appeals appeals;

	private final AuditLog auditLog;

	private final Catalog catalog;

	private final AccountService accounts;

	private final ModerationService moderation;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	AppealService(Appeals appeals, AuditLog auditLog, Catalog catalog, AccountService accounts,
			ModerationService moderation, ApplicationEventPublisher events, Clock clock) {
		this.appeals = appeals;
		this.auditLog = auditLog;
		this.catalog = catalog;
		this.accounts = accounts;
		this.moderation = moderation;
		this.events = events;
		this.clock = clock;
	}

	/** Hidings of the creator's bundles and suspensions or bans of their account, newest first. */
	@Transactional(readOnly = true)
	public List<AppealableAction> actionsAgainst(AccountId creator) {
		List<AuditEntry> entries = entriesAgainst(creator);
		Map<UUID, Appeal> appealed = appeals.findByAuditEntryIdIn(entries.stream().map(AuditEntry::id).toList())
			.stream()
			.collect(Collectors.toMap(Appeal::auditEntryId, Function.identity()));
		return entries.stream().map(e -> {
			Appeal appeal = appealed.get(e.id());
			return new AppealableAction(e.id(), e.action().name(), e.targetName(), e.reason(), e.occurredAt(),
					appeal == null ? null : appeal.status().name());
		}).toList();
	}

	/**
	 * @throws IllegalArgumentException if the action is not against this creator, or the text is blank
	 * @throws IllegalStateException if they appealed against it already
	 */
	public void appeal(AccountId creator, UUID actionId, String text) {
		boolean theirs = entriesAgainst(creator).stream().anyMatch(e -> e.id().equals(actionId));
		if (!theirs) {
			throw new IllegalArgumentException("No such action against this creator");
		}
		if (appeals.existsByAuditEntryId(actionId)) {
			throw new IllegalStateException("One appeal per action");
		}
		appeals.saveAndFlush(new Appeal(actionId, creator, text, clock.instant()));
	}

	@PreAuthorize("hasRole('ADMIN')")
	@Transactional(readOnly = true)
	public List<AppealView> openAppeals() {
		List<Appeal> open = appeals.findOpen();
		Map<AccountId, String> names = accounts.displayNames(open.stream().map(Appeal::creator).toList());
		List<AppealView> views = new ArrayList<>();
		for (Appeal appeal : open) {
			AuditEntry entry = auditLog.findById(appeal.auditEntryId()).orElseThrow();
			views.add(new AppealView(appeal.id(), names.getOrDefault(appeal.creator(), ""), entry.action().name(),
					entry.targetName(), entry.reason(), appeal.text(), appeal.createdAt()));
		}
		return views;
	}

	/**
	 * Undoes the action appealed against: restores the bundle, or the creator's account. A removed bundle comes
	 * back; its refunds stand.
	 */
	@PreAuthorize("hasRole('ADMIN')")
	public void uphold(AccountPrincipal admin, UUID appealId, String reason) {
		Appeal appeal = appeals.findById(appealId).orElseThrow(AppealNotFoundException::new);
		AuditEntry entry = auditLog.findById(appeal.auditEntryId()).orElseThrow();
		appeal.answer(Appeal.Status.UPHELD, reason.strip(), clock.instant());
		if (entry.action() == AuditAction.HIDE_BUNDLE) {
			moderation.restore(admin, new BundleId(entry.targetId()), reason);
		}
		else if (entry.action() == AuditAction.REMOVE_BUNDLE) {
			moderation.reinstateRemoved(admin, new BundleId(entry.targetId()), reason);
		}
		else {
			moderation.changeAccountStatus(admin, appeal.creator(), AccountStatus.ACTIVE, reason);
		}
	}

	/** Leaves the action in place and tells the creator why. */
	@PreAuthorize("hasRole('ADMIN')")
	public void reject(AccountPrincipal admin, UUID appealId, String reason) {
		if (reason == null || reason.isBlank()) {
			throw new IllegalArgumentException("An admin action needs a reason");
		}
		Appeal appeal = appeals.findById(appealId).orElseThrow(AppealNotFoundException::new);
		AuditEntry entry = auditLog.findById(appeal.auditEntryId()).orElseThrow();
		appeal.answer(Appeal.Status.REJECTED, reason.strip(), clock.instant());
		auditLog.save(new AuditEntry(admin, AuditAction.REJECT_APPEAL, "ACCOUNT", appeal.creator().value(),
				entry.targetName(), reason.strip(), clock.instant()));
		events.publishEvent(new CreatorNotice(CreatorNotice.Kind.APPEAL_REJECTED, appeal.creator(), entry.targetName(),
				reason.strip()));
	}

	private List<AuditEntry> entriesAgainst(AccountId creator) {
		List<UUID> targets = new ArrayList<>();
		targets.add(creator.value());
		catalog.bundlesOf(creator).stream().map(BundleSummary::id).map(BundleId::value).forEach(targets::add);
		return auditLog.findByTargetIdInAndActionInOrderByOccurredAtDesc(targets,
				APPEALABLE.stream().map(Enum::name).toList());
	}
}
