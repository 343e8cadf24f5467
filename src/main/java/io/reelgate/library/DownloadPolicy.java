package io.reelgate.library;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import io.reelgate.accounts.AccountPrincipal;
import io.reelgate.catalog.BundleDetails;
import io.reelgate.catalog.BundleNotFoundException;
import io.reelgate.catalog.BundleSummary;
import io.reelgate.catalog.Catalog;
import io.reelgate.catalog.Catalog.OwnedFile;
import io.reelgate.catalog.FileView;
import io.reelgate.library.RentalRefusedException.Problem;
import io.reelgate.shared.AccountId;
import io.reelgate.shared.BundleFileId;
import io.reelgate.shared.BundleId;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one place that decides who may download or stream a file: a buyer entitled to its bundle, the bundle's
 * creator, or an admin. Entitled buyers keep access when a bundle is unpublished or hidden, and lose it when their
 * order is refunded or disputed, or moderation removes the bundle. Buyers (and renters) of a pre-order get its locked
 * files from its release on ({@link NotYetReleasedException} before). A renter may only stream the bundle's video and
 * audio, within the rental's window, and is told so (403, or 410 once the window ended); so may the holder of a
 * stream-only screener code, without a window (403 for downloads). Everyone else gets the same 404 as for a file that
 * does not exist.
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

	/** @throws RentalRefusedException if the account only rents the bundle: rentals do not download */
	public FileView authorize(AccountPrincipal who, BundleFileId fileId) {
		OwnedFile owned = catalog.file(fileId).orElseThrow(BundleNotFoundException::new);
		if (who.isAdmin() || owned.owner().equals(who.accountId())) {
			return owned.file();
		}
		if (!entitled(who.accountId(), owned)) {
			refuseRentalDownload(who.accountId(), owned);
			throw new BundleNotFoundException();
		}
		return released(owned);
	}

	/**
	 * The file behind a genuine signed link, if the link's account may still have it: the bundle's creator, or a
	 * buyer whose entitlement is active now. Checked on every request, so a refund or dispute ends existing links.
	 * @throws RentalRefusedException if the account only rents the bundle: rentals do not download
	 */
	public FileView authorize(DownloadLinks.VerifiedLink link) {
		OwnedFile owned = catalog.file(link.file()).orElseThrow(BundleNotFoundException::new);
		if (owned.owner().equals(link.account())) {
			return owned.file();
		}
		if (!entitled(link.account(), owned)) {
			refuseRentalDownload(link.account(), owned);
			throw new DownloadLinks.DownloadLinkException(DownloadLinks.LinkProblem.REVOKED);
		}
		return released(owned);
	}

	/**
	 * Whether the account may have every file of the bundle now, for deliveries of a whole bundle at once
	 * (BitTorrent's tracker and web seed ask on every request): its creator, or a buyer with an entitlement that
	 * downloads (never a rental) to a bundle moderation has not removed, from its release on.
	 */
	public boolean mayDownloadWhole(AccountId account, BundleId bundle) {
		BundleDetails details = catalog.purchased(List.of(bundle)).get(bundle);
		if (details == null) {
			return false;
		}
		BundleSummary summary = details.summary();
		if (summary.creatorId().equals(account)) {
			return true;
		}
		Instant release = summary.releaseAt();
		return !summary.removed() && (release == null || !release.isAfter(clock.instant()))
				&& entitlements.existsByAccountIdAndBundleIdAndRevokedAtIsNullAndSourceNotIn(account.value(),
						bundle.value(), Entitlement.STREAM_ONLY);
	}

	/** Only once the entitlement is known, so a stranger learns nothing about the release from the answer. */
	private FileView released(OwnedFile owned) {
		if (!owned.releasedAt(clock.instant())) {
			throw new NotYetReleasedException(owned.releaseAt());
		}
		return owned.file();
	}

	/**
	 * A video or audio file to stream in the player: to whoever may download it, or to a renter of its bundle. A
	 * renter's first stream of a locked file starts the window; unlocked files (a trailer) stream without starting
	 * it. Other files never stream here.
	 * @throws RentalRefusedException if the rental's window has ended
	 */
	@Transactional
	public FileView authorizeStream(AccountPrincipal who, BundleFileId fileId) {
		return authorizeStream(who.accountId(), who.isAdmin(), fileId);
	}

	/**
	 * As {@link #authorizeStream(AccountPrincipal, BundleFileId)} for the account of a genuine signed watch path
	 * (an admin's path gives no more than any other account's), checked on every playlist and segment request.
	 */
	@Transactional
	public FileView authorizeStream(DownloadLinks.VerifiedLink watch) {
		return authorizeStream(watch.account(), false, watch.file());
	}

	private FileView authorizeStream(AccountId account, boolean admin, BundleFileId fileId) {
		OwnedFile owned = catalog.file(fileId).orElseThrow(BundleNotFoundException::new);
		if (!owned.file().playable()) {
			throw new BundleNotFoundException();
		}
		if (admin || owned.owner().equals(account)) {
			return owned.file();
		}
		if (entitled(account, owned) || streamsScreener(account, owned)) {
			return released(owned);
		}
		List<Entitlement> rentals = rentals(account, owned);
		if (rentals.isEmpty()) {
			throw new BundleNotFoundException();
		}
		// Before a pre-order's release not even a rental plays its locked files, nor does its window start.
		released(owned);
		Instant now = clock.instant();
		boolean running = rentals.stream().anyMatch(r -> r.rentalEndsAt().filter(now::isBefore).isPresent());
		if (running || owned.file().unlocked()) {
			return owned.file();
		}
		Entitlement unstarted = rentals.stream()
			.filter(r -> r.rentalEndsAt().isEmpty())
			.findFirst()
			.orElseThrow(() -> new RentalRefusedException(Problem.ENDED));
		// Losing the race to a concurrent first play is fine: that play started the window a moment ago.
		entitlements.startRentalWindow(unstarted.id(), now);
		return owned.file();
	}

	/**
	 * Buyers of a removed bundle lose it at once, before their refunds (which revoke the entitlements) have run.
	 */
	private boolean entitled(AccountId account, OwnedFile owned) {
		return !owned.removed() && entitlements.existsByAccountIdAndBundleIdAndRevokedAtIsNullAndSourceNotIn(
				account.value(), owned.file().bundleId().value(), Entitlement.STREAM_ONLY);
	}

	private List<Entitlement> rentals(AccountId account, OwnedFile owned) {
		return owned.removed() ? List.of()
				: entitlements.findByAccountIdAndBundleIdAndSourceAndRevokedAtIsNull(account.value(),
						owned.file().bundleId().value(), Entitlement.RENTAL);
	}

	private boolean streamsScreener(AccountId account, OwnedFile owned) {
		return !owned.removed() && entitlements.existsByAccountIdAndBundleIdAndRevokedAtIsNullAndSource(
				account.value(), owned.file().bundleId().value(), Entitlement.SCREENER_STREAM);
	}

	private void refuseRentalDownload(AccountId account, OwnedFile owned) {
		if (!rentals(account, owned).isEmpty()) {
			throw new RentalRefusedException(Problem.RENTAL_ONLY);
		}
		if (streamsScreener(account, owned)) {
			throw new RentalRefusedException(Problem.STREAM_ONLY);
		}
	}
}
