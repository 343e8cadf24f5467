package io.reelgate.library;

import java.time.Clock;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.catalog.BundleNotFoundException;
import io.reelgate.catalog.Catalog;
import io.reelgate.catalog.Catalog.OwnedFile;
import io.reelgate.catalog.FileView;
import io.reelgate.shared.AccountId;
import io.reelgate.shared.BundleFileId;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one place that decides who may download a file: a buyer entitled to its bundle, the bundle's creator, or an
 * admin. Entitled buyers keep access when a bundle is unpublished or hidden, and lose it when their order is
 * refunded or disputed, or moderation removes the bundle. Buyers of a pre-order get its locked files from its release
 * on ({@link NotYetReleasedException} before). Everyone else gets the same 404 as for a file that does not exist.
 */
@Service
@Transactional(readOnly = true)
public class DownloadPolicy {

	private final Catalog catalog;

	private final Entitlements entitlements;

	private final Clock clock;

	DownloadPolicy(Catalog catalog, Entitlements entitlements, Clock clock) {
		this.catalog = catalog;
		this.entitlements = entitlements;
		this.clock = clock;
	}

	public FileView authorize(AccountPrincipal who, BundleFileId fileId) {
		OwnedFile owned = catalog.file(fileId).orElseThrow(BundleNotFoundException::new);
		if (who.isAdmin() || owned.owner().equals(who.accountId())) {
			return owned.file();
		}
		if (!entitled(who.accountId(), owned)) {
			throw new BundleNotFoundException();
		}
		return released(owned);
	}

	/**
	 * The file behind a genuine signed link, if the link's account may still have it: the bundle's creator, or a
	 * buyer whose entitlement is active now. Checked on every request, so a refund or dispute ends existing links.
	 */
	public FileView authorize(DownloadLinks.VerifiedLink link) {
		OwnedFile owned = catalog.file(link.file()).orElseThrow(BundleNotFoundException::new);
		if (owned.owner().equals(link.account())) {
			return owned.file();
		}
		if (!entitled(link.account(), owned)) {
			throw new DownloadLinks.DownloadLinkException(DownloadLinks.LinkProblem.REVOKED);
		}
		return released(owned);
	}

	/** Only once the entitlement is known, so a stranger learns nothing about the release from the answer. */
	private FileView released(OwnedFile owned) {
		if (!owned.releasedAt(clock.instant())) {
			throw new NotYetReleasedException(owned.releaseAt());
		}
		return owned.file();
	}

	/**
	 * Buyers of a removed bundle lose it at once, before their refunds (which revoke the entitlements) have run.
	 */
	private boolean entitled(AccountId account, OwnedFile owned) {
		return !owned.removed() && entitlements.existsByAccountIdAndBundleIdAndRevokedAtIsNull(account.value(),
				owned.file().bundleId().value());
	}
}
