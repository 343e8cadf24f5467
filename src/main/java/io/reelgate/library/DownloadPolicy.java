package io.reelgate.library;

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
 * refunded or disputed, or moderation removes the bundle. Everyone else gets the same 404 as for a file that does not exist.
 */
@Service
@Transactional(readOnly = true)
public class DownloadPolicy {

	private final Catalog catalog;

	private final Entitlements entitlements;

	DownloadPolicy(Catalog catalog, Entitlements entitlements) {
		this.catalog = catalog;
		this.entitlements = entitlements;
	}

	public FileView authorize(AccountPrincipal who, BundleFileId fileId) {
		OwnedFile owned = catalog.file(fileId).orElseThrow(BundleNotFoundException::new);
		boolean allowed = who.isAdmin() || owned.owner().equals(who.accountId()) || entitled(who.accountId(), owned);
		if (!allowed) {
			throw new BundleNotFoundException();
		}
		return owned.file();
	}

	/**
	 * The file behind a genuine signed link, if the link's account may still have it: the bundle's creator, or a
	 * buyer whose entitlement is active now. Checked on every request, so a refund or dispute ends existing links.
	 */
	public FileView authorize(DownloadLinks.VerifiedLink link) {
		OwnedFile owned = catalog.file(link.file()).orElseThrow(BundleNotFoundException::new);
		boolean allowed = owned.owner().equals(link.account()) || entitled(link.account(), owned);
		if (!allowed) {
			throw new DownloadLinks.DownloadLinkException(DownloadLinks.LinkProblem.REVOKED);
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
