package io.reelgate.library;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.reelgate.catalog.BundleDetails;
import io.reelgate.catalog.BundleSummary;
import io.reelgate.catalog.Catalog;
import io.reelgate.catalog.FileView;
import io.reelgate.catalog.Gate;
import io.reelgate.notifications.EmailGateMails;
import io.reelgate.shared.AccountId;
import io.reelgate.shared.BundleId;
import io.reelgate.shared.MailedTokens;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The email gate: a viewer gives an address (consenting to share it with the creator), gets a link by mail, and
 * following it unlocks the bundle's locked part, into their library if they are logged in, otherwise as signed
 * download links on the confirmation page. The link's token is 256 random bits; only its SHA-256 is stored, it
 * expires after {@link #TOKEN_LIFETIME} and confirms once (under the row's lock).
 */
@Service
public class EmailGate {

	static final Duration TOKEN_LIFETIME = Duration.ofHours(24);

	private final EmailUnlocks unlocks;

	private final Catalog catalog;

	private final EmailGateMails mails;

	private final DownloadLinks links;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	EmailGate(EmailUnlocks unlocks, Catalog catalog, EmailGateMails mails, DownloadLinks links,
			ApplicationEventPublisher events, TransactionTemplate transactions, Clock clock) {
		this.unlocks = unlocks;
		this.catalog = catalog;
		this.mails = mails;
		this.links = links;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * Records the request and mails the confirmation link; the mail goes out after the row is committed.
	 * @param viewer the logged-in viewer, if any: the unlock then lands in their library
	 * @throws EmailUnlockException without consent, or if the bundle is not email-gated
	 */
	public void request(BundleId bundleId, String email, boolean consent, @Nullable AccountId viewer) {
		BundleSummary bundle = catalog.acquirable(bundleId);
		if (bundle.gate() != Gate.EMAIL) {
			throw new EmailUnlockException("emailGate.notEmailGated");
		}
		if (bundle.isPreOrder()) {
			// Unlocks are confirmed downloads at once; they open with the release rather than wait as pre-orders.
			throw new EmailUnlockException("emailGate.notReleased");
		}
		if (!consent) {
			throw new EmailUnlockException("emailGate.consent.required");
		}
		String address = email.strip().toLowerCase(Locale.ROOT);
		String token = MailedTokens.newToken();
		Instant now = clock.instant();
		transactions.executeWithoutResult(status -> unlocks.save(new EmailUnlock(bundle.id(), bundle.creatorId(),
				address, viewer, MailedTokens.sha256(token), now.plus(TOKEN_LIFETIME), now)));
		mails.sendConfirmation(address, bundle.title(), bundle.creatorName(), "/email-unlocks/" + token,
				TOKEN_LIFETIME.toHours());
	}

	/** The bundle a still-usable link unlocks, for the page that asks to confirm; nothing changes. */
	public BundleSummary pending(String token) {
		EmailUnlock unlock = transactions.execute(status -> unlocks.findByTokenSha256(MailedTokens.sha256(token))
			.orElseThrow(() -> new EmailUnlockException("emailGate.link.unknown")));
		if (unlock.confirmed()) {
			throw new EmailUnlockException("emailGate.link.used");
		}
		if (unlock.expiredAt(clock.instant())) {
			throw new EmailUnlockException("emailGate.link.expired");
		}
		return catalog.purchased(List.of(unlock.bundle())).get(unlock.bundle()).summary();
	}

	/**
	 * Confirms the address behind the link, once, and publishes {@link EmailUnlockConfirmed}, whose listener puts
	 * the bundle in the viewer's library when there is an account.
	 * @throws EmailUnlockException if the link is unknown, used or expired
	 */
	public Confirmation confirm(String token, @Nullable AccountId viewer) {
		EmailUnlock unlock = transactions.execute(status -> {
			EmailUnlock found = unlocks.findForUpdate(MailedTokens.sha256(token))
				.orElseThrow(() -> new EmailUnlockException("emailGate.link.unknown"));
			found.confirm(viewer, clock.instant());
			events.publishEvent(new EmailUnlockConfirmed(found.id(), found.bundle(), found.creator(), found.account(),
					found.confirmedAt()));
			return found;
		});
		BundleDetails bundle = catalog.purchased(List.of(unlock.bundle())).get(unlock.bundle());
		List<UnlockedFile> files = bundle.lockedFiles()
			.stream()
			.map(f -> new UnlockedFile(f.name(), f.size(), links.unlockPathFor(f.id(), unlock.id(), f.name())))
			.toList();
		return new Confirmation(bundle.summary(), unlock.account() != null, files);
	}

	/**
	 * The file behind a genuine unlock link, while its unlock is confirmed and the file is in that bundle; anything
	 * else is {@link DownloadLinks.LinkProblem#REVOKED}, the same answer whatever the reason.
	 */
	public FileView authorize(DownloadLinks.VerifiedUnlockLink link) {
		return transactions.execute(status -> {
			EmailUnlock unlock = unlocks.findById(link.unlock())
				.filter(EmailUnlock::confirmed)
				.orElseThrow(() -> new DownloadLinks.DownloadLinkException(DownloadLinks.LinkProblem.REVOKED));
			return catalog.file(link.file())
				.map(Catalog.OwnedFile::file)
				.filter(f -> f.bundleId().equals(unlock.bundle()))
				.orElseThrow(() -> new DownloadLinks.DownloadLinkException(DownloadLinks.LinkProblem.REVOKED));
		});
	}

	/** The addresses collected by a creator's email gates, confirmed ones only, newest first. */
	@PreAuthorize("hasRole('CREATOR')")
	public List<CollectedEmail> collectedBy(AccountId creator) {
		List<EmailUnlock> confirmed = transactions.execute(status -> unlocks.findConfirmedByCreator(creator.value()));
		Map<BundleId, String> titles = catalog.titles(confirmed.stream().map(EmailUnlock::bundle).toList());
		return confirmed.stream()
			.map(u -> new CollectedEmail(u.email(), u.bundle(), titles.getOrDefault(u.bundle(), ""), u.consentAt(),
					u.confirmedAt()))
			.toList();
	}

	/**
	 * The addresses this person gave to email gates: under their current address or while signed in, confirmed or
	 * not, newest first. For their data export.
	 */
	public List<GivenEmail> givenBy(AccountId account, String email) {
		List<EmailUnlock> given = transactions.execute(
				status -> unlocks.findByEmailIgnoreCaseOrAccountIdOrderByConsentAtDesc(email, account.value()));
		Map<BundleId, String> titles = catalog.titles(given.stream().map(EmailUnlock::bundle).toList());
		return given.stream()
			.map(u -> new GivenEmail(u.email(), u.bundle(), titles.getOrDefault(u.bundle(), ""), u.consentAt(),
					u.confirmedAt()))
			.toList();
	}

	/** An address given to a bundle's creator with consent at {@code consentAt}, confirmed at {@code confirmedAt}. */
	public record GivenEmail(String email, BundleId bundle, String bundleTitle, Instant consentAt,
			@Nullable Instant confirmedAt) {
	}

	/** An address a creator may use: given with consent at {@code consentAt}, confirmed at {@code confirmedAt}. */
	public record CollectedEmail(String email, BundleId bundle, String bundleTitle, Instant consentAt,
			Instant confirmedAt) {
	}

	/** A confirmed unlock: whether it went into a library, and signed links to the locked files. */
	public record Confirmation(BundleSummary bundle, boolean inLibrary, List<UnlockedFile> files) {
	}

	/** A locked file, now downloadable through {@code path}. */
	public record UnlockedFile(String name, long size, String path) {
	}
}
