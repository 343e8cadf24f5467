package io.reelgate.catalog;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.reelgate.accounts.AccountService;
import io.reelgate.accounts.AccountView;
import io.reelgate.shared.AccountId;
import io.reelgate.shared.BundleFileId;
import io.reelgate.shared.BundleId;
import io.reelgate.shared.Money;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What a creator does to their own bundles, apart from files (see {@link BundleMedia}). */
@Service
@Transactional
@PreAuthorize("hasRole('CREATOR')")
public class CatalogService {

	private static final Logger log = LoggerFactory.getLogger(CatalogService.class);

	private final Bundles bundles;

	private final AccountService accounts;

	private final PriceRules priceRules;

	private final SalesEligibility eligibility;

	private final Clock clock;

	private final PreModeration preModeration;

	private final TrustedCreators trusted;

	private final RentalProperties rentals;

	private final ApplicationEventPublisher events;

	private final EditorDefaults defaults;

	CatalogService(Bundles bundles, AccountService accounts, PriceRules priceRules, SalesEligibility eligibility,
			Clock clock, PreModeration preModeration, TrustedCreators trusted, RentalProperties rentals,
			ApplicationEventPublisher events, EditorDefaults defaults) {
		this.defaults = defaults;
		this.rentals = rentals;
		this.events = events;
		this.preModeration = preModeration;
		this.trusted = trusted;
		this.bundles = bundles;
		this.accounts = accounts;
		this.priceRules = priceRules;
		this.eligibility = eligibility;
		this.clock = clock;
	}

	public BundleId create(AccountId owner, BundleText text) {
		String creatorName = accounts.find(owner).map(AccountView::displayName).orElseThrow();
		Bundle bundle = new Bundle(owner, creatorName, text, clock.instant());
		applyDefaultGate(bundle);
		bundles.save(bundle);
		return bundle.id();
	}

	/**
	 * The operator's default gate ({@link StudioDefaults}, as {@link EditorDefaults} holds them); a configured price
	 * the rules refuse leaves the draft free rather than refusing to create it: the creator sets the price in the
	 * editor anyway.
	 */
	private void applyDefaultGate(Bundle bundle) {
		StudioDefaults defaults = this.defaults.current();
		try {
			switch (defaults.gate()) {
				case FREE -> bundle.pricing().makeFree();
				case EMAIL -> bundle.pricing().requireEmail();
				case PAID -> bundle.pricing().charge(priceRules.price(defaults.price(), priceRules.defaultCurrency()));
				case PWYW -> bundle.pricing().payWhatYouWant(priceRules.minimum(defaults.price(), priceRules.defaultCurrency()),
						priceRules.price(defaults.price(), priceRules.defaultCurrency()));
			}
		}
		catch (CatalogException refused) {
			log.warn("reelgate.studio.defaults.price {} is refused by the price rules ({}); new bundles start free",
					defaults.price(), refused.getMessage());
			bundle.pricing().makeFree();
		}
	}

	public void describe(AccountId owner, BundleId id, BundleText text) {
		owned(owner, id).describe(text);
	}

	public void makeFree(AccountId owner, BundleId id) {
		owned(owner, id).pricing().makeFree();
	}

	/** Sets an email gate: the locked part unlocks for a confirmed email address. */
	public void requireEmail(AccountId owner, BundleId id) {
		owned(owner, id).pricing().requireEmail();
	}

	/** Sets a paygate; {@code amount} is what the creator typed, checked against {@link PriceRules}. */
	public void charge(AccountId owner, BundleId id, String amount, String currency) {
		Bundle bundle = owned(owner, id);
		bundle.pricing().charge(priceRules.price(amount, currency));
		if (bundle.isPublic()) {
			assertMaySell(bundle);
		}
	}

	/**
	 * Sets a pay-what-you-want gate: {@code minimum} may be zero (then choosing nothing is a free unlock), otherwise
	 * it and {@code suggested} obey {@link PriceRules}, and the suggestion is at least the minimum.
	 */
	public void payWhatYouWant(AccountId owner, BundleId id, String minimum, String suggested, String currency) {
		Bundle bundle = owned(owner, id);
		bundle.pricing().payWhatYouWant(priceRules.minimum(minimum, currency), priceRules.price(suggested, currency));
		if (bundle.isPublic()) {
			assertMaySell(bundle);
		}
	}

	/**
	 * Offers a rental beside the fixed price, or withdraws the offer when {@code amount} is blank. The price obeys
	 * {@link PriceRules} and must be below the purchase price; the window is one of the configured choices.
	 */
	public void offerRental(AccountId owner, BundleId id, String amount, int hours) {
		Bundle bundle = owned(owner, id);
		if (amount == null || amount.isBlank()) {
			bundle.pricing().withdrawRental();
			return;
		}
		if (!rentals.hourChoices().contains(hours)) {
			throw new CatalogException("rental.window.invalid");
		}
		Money purchase = bundle.pricing().price()
			.filter(p -> bundle.pricing().gate() == Gate.PAID)
			.orElseThrow(() -> new CatalogException("rental.paidOnly"));
		bundle.pricing().offerRental(priceRules.price(amount, purchase.currency().getCurrencyCode()), hours);
	}

	/**
	 * Sets the bundle's price in a currency besides its main one, for its gate: {@code amount} is the fixed price
	 * (with {@code rental}, if not blank, a rental price for the main offer's window) or the pay-what-you-want
	 * minimum (with {@code suggested}); every amount obeys {@link PriceRules} for that currency.
	 */
	public void priceIn(AccountId owner, BundleId id, String currency, String amount, String suggested,
			String rental) {
		Bundle bundle = owned(owner, id);
		Gate gate = bundle.pricing().gate();
		if (gate != Gate.PAID && gate != Gate.PWYW) {
			throw new CatalogException("prices.pricedOnly");
		}
		if (gate == Gate.PAID) {
			bundle.pricing().priceIn(priceRules.price(amount, currency), null,
					rental == null || rental.isBlank() ? null : priceRules.price(rental, currency));
		}
		else {
			bundle.pricing().priceIn(priceRules.minimum(amount, currency), priceRules.price(suggested, currency), null);
		}
	}

	/** Takes away the bundle's price in a currency besides its main one: viewers then see the main price. */
	public void dropPriceIn(AccountId owner, BundleId id, String currency) {
		try {
			owned(owner, id).pricing().dropPriceIn(Money.currencyOf(currency));
		}
		catch (IllegalArgumentException ex) {
			throw new CatalogException("gate.currency.unknown");
		}
	}

	/** The creator's rental offer for the editor, whether or not the bundle has media to stream yet. */
	public Optional<RentalTerms> rentalOffer(AccountId owner, BundleId id) {
		return owned(owner, id).pricing().rentalTerms();
	}

	/** The rental windows (hours) a creator may choose among. */
	public List<Integer> rentalWindows() {
		return rentals.hourChoices();
	}

	/** The window (hours) the editor proposes. */
	public int defaultRentalWindow() {
		return (int) rentals.window().toHours();
	}

	/** Unlocks a file for anyone to download (and stream, if it plays) from the bundle page, or locks it again. */
	public void unlockFile(AccountId owner, BundleId id, BundleFileId fileId, boolean unlocked) {
		owned(owner, id).files().unlock(fileId, unlocked);
	}

	/**
	 * Asks for an adaptive ladder (lower qualities for slow connections, beside the source's own picture) of an
	 * H.264 video, or stops asking. The file's row is locked, so that of two submits at once the second sees the
	 * first's choice; only a change is announced ({@link BundleFileLadderChosen}), for the file to be packaged again.
	 */
	public void chooseLadder(AccountId owner, BundleId id, BundleFileId fileId, boolean ladder) {
		// Locked (and so read afresh) before the bundle loads its files into this transaction.
		BundleFile file = bundles.lockFile(fileId.value())
			.filter(f -> f.bundle().id().equals(id))
			.orElseThrow(BundleNotFoundException::new);
		owned(owner, id);
		if (file.chooseLadder(ladder)) {
			events.publishEvent(new BundleFileLadderChosen(fileId, ladder));
		}
	}

	/**
	 * Sets or moves the release to a local date-time in the creator's zone: until then the bundle sells as a
	 * pre-order and buyers do not get its locked files.
	 */
	public void scheduleRelease(AccountId owner, BundleId id, LocalDateTime at, ZoneId zone) {
		Bundle bundle = owned(owner, id);
		BundleSummary before = bundle.summary();
		bundle.scheduleRelease(at.atZone(zone).toInstant(), clock.instant());
		Instant to = bundle.summary().releaseAt();
		if (before.status() == BundleStatus.PUBLISHED && before.releaseAt() != null && to != null
				&& !to.equals(before.releaseAt())) {
			events.publishEvent(new ReleaseMoved(id, before.title(), before.releaseAt(), to));
		}
	}

	/** Releases a pre-order now, instead of at its date. */
	public void releaseNow(AccountId owner, BundleId id) {
		owned(owner, id).releaseNow(clock.instant());
	}

	/**
	 * Publishes a bundle, or, under pre-moderation, submits it for review: while pre-moderation is on, a creator
	 * whom no admin trusts has their first bundles reviewed before they go public.
	 * @return whether the bundle is published now (false: it waits for review)
	 */
	public boolean publish(AccountId owner, BundleId id) {
		Bundle bundle = owned(owner, id);
		if (!accounts.isActive(owner)) {
			throw new CatalogException("bundle.publish.accountSuspended");
		}
		if (!accounts.isEmailVerified(owner)) {
			throw new CatalogException("bundle.publish.emailUnverified");
		}
		assertMaySell(bundle);
		if (needsReview(owner, bundle)) {
			bundle.submitForReview(clock.instant());
			return false;
		}
		bundle.publish(clock.instant());
		return true;
	}

	private boolean needsReview(AccountId owner, Bundle bundle) {
		PreModerationProperties rule = preModeration.rule();
		return rule.enabled() && !bundle.wasPublished()
				&& bundles.countByOwnerIdAndPublicationPublishedAtIsNotNull(owner.value()) < rule.firstBundles()
				&& !trusted.isTrusted(owner);
	}

	private void assertMaySell(Bundle bundle) {
		Gate gate = bundle.summary().gate();
		if ((gate == Gate.PAID || gate == Gate.PWYW) && !eligibility.maySellPaid(bundle.owner())) {
			throw new CatalogException("bundle.publish.payoutsNeeded");
		}
	}

	public void unpublish(AccountId owner, BundleId id) {
		owned(owner, id).unpublish();
	}

	private Bundle owned(AccountId owner, BundleId id) {
		Bundle bundle = find(bundles, id.value());
		bundle.assertOwnedBy(owner);
		return bundle;
	}

	static Bundle find(Bundles bundles, UUID id) {
		return bundles.findById(id).orElseThrow(BundleNotFoundException::new);
	}
}
