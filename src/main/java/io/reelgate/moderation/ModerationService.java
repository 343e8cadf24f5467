package io.reelgate.moderation;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import io.reelgate.accounts.AccountNotFoundException;
import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.accounts.AccountService;
import io.reelgate.accounts.AccountStatus;
import io.reelgate.accounts.AccountView;
import io.reelgate.accounts.Role;
import io.reelgate.catalog.BundleDetails;
import io.reelgate.catalog.BundleModeration;
import io.reelgate.catalog.BundleSummary;
import io.reelgate.catalog.Catalog;
import io.reelgate.checkout.OrderView;
import io.reelgate.checkout.Refunds;
import io.reelgate.shared.AccountId;
import io.reelgate.shared.BundleId;
import io.reelgate.shared.OrderId;
import io.reelgate.shared.Pages;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Admin actions on the catalog, each written to the audit log in the same transaction as the action itself. */
@Service
@Transactional
@PreAuthorize("hasRole('ADMIN')")
public class ModerationService {

	private static final int AUDIT_PAGE_SIZE = 50;

	private static final int ACCOUNT_SEARCH_LIMIT = 50;

	private final BundleModeration bundles;

	private final AccountService accounts;

	private final Refunds refunds;

	private final Catalog catalog;

	private final AuditLog auditLog;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final AuditSearch auditSearch;

	ModerationService(BundleModeration bundles, AccountService accounts, Refunds refunds, Catalog catalog,
			AuditLog auditLog, Clock clock, ApplicationEventPublisher events, AuditSearch auditSearch) {
		this.auditSearch = auditSearch;
		this.events = events;
		this.bundles = bundles;
		this.accounts = accounts;
		this.refunds = refunds;
		this.catalog = catalog;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	public void hide(AccountPrincipal admin, BundleId id, String reason) {
		BundleSummary bundle = bundles.hide(id, requireReason(reason));
		audit(admin, AuditAction.HIDE_BUNDLE, bundle, reason);
		events.publishEvent(new CreatorNotice(CreatorNotice.Kind.BUNDLE_HIDDEN, bundle.creatorId(), bundle.title(),
				reason.strip()));
	}

	/**
	 * Puts a published bundle in the storefront's featured row; the audit log says who picked it. A pick is a
	 * curator's choice, not a sanction, so it asks for no reason and tells the creator nothing.
	 */
	public void feature(AccountPrincipal admin, BundleId id) {
		audit(admin, AuditAction.FEATURE_BUNDLE, bundles.feature(id), "Featured on the storefront");
	}

	public void unfeature(AccountPrincipal admin, BundleId id) {
		audit(admin, AuditAction.UNFEATURE_BUNDLE, bundles.unfeature(id), "Taken out of the featured row");
	}

	/**
	 * Removes a bundle for good: it leaves the storefront, its buyers lose their downloads at once and are refunded
	 * (by checkout, reacting to the catalog's event, after this commits). Repeating it is harmless: it is audited
	 * and told to the creator once, and only finishes refunds a failed attempt left over.
	 */
	public void remove(AccountPrincipal admin, BundleId id, String reason) {
		BundleModeration.Removal removal = bundles.remove(id, requireReason(reason));
		if (removal.first()) {
			audit(admin, AuditAction.REMOVE_BUNDLE, removal.bundle(), reason);
			events.publishEvent(new CreatorNotice(CreatorNotice.Kind.BUNDLE_REMOVED, removal.bundle().creatorId(),
					removal.bundle().title(), reason.strip()));
		}
	}

	/** Puts a removed bundle back after an upheld appeal; its buyers stay refunded. */
	void reinstateRemoved(AccountPrincipal admin, BundleId id, String reason) {
		BundleSummary bundle = bundles.reinstateRemoved(id);
		audit(admin, AuditAction.RESTORE_BUNDLE, bundle, requireReason(reason));
		events.publishEvent(new CreatorNotice(CreatorNotice.Kind.BUNDLE_RESTORED, bundle.creatorId(), bundle.title(),
				reason.strip()));
	}

	public void restore(AccountPrincipal admin, BundleId id, String reason) {
		BundleSummary bundle = bundles.restore(id);
		audit(admin, AuditAction.RESTORE_BUNDLE, bundle, requireReason(reason));
		events.publishEvent(new CreatorNotice(CreatorNotice.Kind.BUNDLE_RESTORED, bundle.creatorId(), bundle.title(),
				reason.strip()));
	}

	/**
	 * Suspends or bans a creator: all their bundles leave the storefront and cannot be bought, buyers keep their
	 * downloads, and the creator can still log in to read the reason. Restoring puts the bundles back, except any
	 * hidden one by one.
	 */
	public void changeAccountStatus(AccountPrincipal admin, AccountId id, AccountStatus status, String reason) {
		String why = requireReason(reason);
		AccountView account = accounts.changeStatus(id, status, why);
		if (status == AccountStatus.ACTIVE) {
			bundles.reinstateAllOf(id);
		}
		else {
			bundles.withdrawAllOf(id);
		}
		AuditAction action = switch (status) {
			case ACTIVE -> AuditAction.RESTORE_ACCOUNT;
			case SUSPENDED -> AuditAction.SUSPEND_ACCOUNT;
			case BANNED -> AuditAction.BAN_ACCOUNT;
		};
		auditLog.save(new AuditEntry(admin, action, "ACCOUNT", id.value(), account.displayName(), why, clock.instant()));
		CreatorNotice.Kind notice = switch (status) {
			case ACTIVE -> CreatorNotice.Kind.ACCOUNT_RESTORED;
			case SUSPENDED -> CreatorNotice.Kind.ACCOUNT_SUSPENDED;
			case BANNED -> CreatorNotice.Kind.ACCOUNT_BANNED;
		};
		events.publishEvent(new CreatorNotice(notice, id, account.displayName(), why));
	}

	/** Bundles waiting for pre-moderation review, the longest waiting first. */
	@Transactional(readOnly = true)
	public Page<BundleDetails> reviewQueue(int page) {
		return bundles.pendingReview(page);
	}

	/** Lets a bundle waiting for review into the storefront. */
	public void approve(AccountPrincipal admin, BundleId id, String reason) {
		String why = requireReason(reason);
		BundleSummary bundle = bundles.approve(id);
		audit(admin, AuditAction.APPROVE_BUNDLE, bundle, why);
		events.publishEvent(new CreatorNotice(CreatorNotice.Kind.BUNDLE_APPROVED, bundle.creatorId(), bundle.title(),
				why));
	}

	/** Sends a bundle waiting for review back to draft; the creator reads why and may submit it again. */
	public void reject(AccountPrincipal admin, BundleId id, String reason) {
		String why = requireReason(reason);
		BundleSummary bundle = bundles.reject(id, why);
		audit(admin, AuditAction.REJECT_BUNDLE, bundle, why);
		events.publishEvent(new CreatorNotice(CreatorNotice.Kind.BUNDLE_REJECTED, bundle.creatorId(), bundle.title(),
				why));
	}

	/** Trusts a creator to publish without pre-moderation review, or takes that trust back. */
	public void trust(AccountPrincipal admin, AccountId id, boolean trusted, String reason) {
		String why = requireReason(reason);
		AccountView account = accounts.find(id).filter(a -> a.role() == Role.CREATOR)
			.orElseThrow(AccountNotFoundException::new);
		if (trusted) {
			bundles.trust(id);
		}
		else {
			bundles.distrust(id);
		}
		auditLog.save(new AuditEntry(admin, trusted ? AuditAction.TRUST_CREATOR : AuditAction.DISTRUST_CREATOR,
				"ACCOUNT", id.value(), account.displayName(), why, clock.instant()));
	}

	@Transactional(readOnly = true)
	public Set<AccountId> trustedAmong(Collection<AccountId> creators) {
		return bundles.trustedAmong(creators);
	}

	/** Makes a viewer an admin; they log in again to use the role. */
	public void grantAdmin(AccountPrincipal admin, AccountId id, String reason) {
		String why = requireReason(reason);
		AccountView account = accounts.grantAdmin(id);
		auditLog.save(new AuditEntry(admin, AuditAction.GRANT_ADMIN, "ACCOUNT", id.value(), account.displayName(), why,
				clock.instant()));
	}

	/** Makes an admin a viewer again, effective at once; never the last admin. */
	public void revokeAdmin(AccountPrincipal admin, AccountId id, String reason) {
		String why = requireReason(reason);
		AccountView account = accounts.revokeAdmin(id);
		auditLog.save(new AuditEntry(admin, AuditAction.REVOKE_ADMIN, "ACCOUNT", id.value(), account.displayName(),
				why, clock.instant()));
	}

	@Transactional(readOnly = true)
	public List<AccountView> findAccounts(String text) {
		return accounts.search(text, ACCOUNT_SEARCH_LIMIT);
	}

	/**
	 * Refunds an order in full. The provider is called outside this class's transaction by {@link Refunds}; the
	 * audit entry is written only once the refund went through.
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public void refund(AccountPrincipal admin, OrderId id, String reason) {
		String why = requireReason(reason);
		OrderView order = refunds.refund(admin, id);
		String title = catalog.titles(List.of(order.bundle())).getOrDefault(order.bundle(), order.bundle().toString());
		auditLog.save(new AuditEntry(admin, AuditAction.REFUND_ORDER, "ORDER", id.value(), title, why, clock.instant()));
	}

	@Transactional(readOnly = true)
	public Page<AuditRecord> recentActions(int page) {
		return auditLog(AuditFilter.none(), page);
	}

	/** The audit log lines the filter lets through, newest first, a page at a time. */
	@Transactional(readOnly = true)
	public Page<AuditRecord> auditLog(AuditFilter filter, int page) {
		return auditSearch.find(filter, Pages.of(page, AUDIT_PAGE_SIZE));
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
