package io.reelgate.catalog;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.reelgate.shared.AccountId;
import io.reelgate.shared.BundleFileId;
import io.reelgate.shared.BundleId;
import io.reelgate.shared.Money;
import io.reelgate.storage.StoredBlob;
import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

/**
 * A film and what goes with it, as one creator publishes it. The aggregate guards its own rules: only its owner
 * changes it, it publishes only with files, its price obeys the gate, and moderation is separate from publishing.
 */
@Entity
@Table(name = "bundles")
class Bundle {

	static final int MAX_FILES = 50;

	/** How far ahead a release may be set: a pre-order of ten years is already generous. */
	static final Duration MAX_PRE_ORDER = Duration.ofDays(3653);

	@Id
	private UUID id;

	private UUID ownerId;

	private String creatorName;

	private String title;

	private String summary;

	private String description;

	@Enumerated(EnumType.STRING)
	private BundleStatus status;

	@Enumerated(EnumType.STRING)
	private Gate gate;

	private @Nullable Long priceMinor;

	private @Nullable Currency priceCurrency;

	/** For pay what you want, the amount the page proposes; {@code priceMinor} is then the minimum. */
	private @Nullable Long suggestedMinor;

	/** A rental offer, only beside a fixed price: a lower price that streams the locked media for {@code rentalHours}. */
	private @Nullable Long rentalPriceMinor;

	private @Nullable Integer rentalHours;

	/**
	 * Prices in currencies besides the main one ({@code priceCurrency}), for the same gate: fixed prices (each with
	 * its own rental price, for the same window) or pay-what-you-want minimums and suggestions.
	 */
	@ElementCollection
	@CollectionTable(name = "bundle_prices", joinColumns = @JoinColumn(name = "bundle_id"))
	private List<CurrencyPrice> otherPrices = new ArrayList<>();

	private @Nullable String coverKey;

	private @Nullable String coverContentType;

	private @Nullable Long coverSize;

	private @Nullable String coverSha256;

	private @Nullable Instant coverUpdatedAt;

	private @Nullable Instant hiddenAt;

	private @Nullable String hiddenReason;

	/** When an admin put it in the storefront's featured row; null when it is not there. */
	private @Nullable Instant featuredAt;

	/**
	 * Set when moderation removed the bundle for good (it is hidden too, so every storefront query leaves it out):
	 * buyers lose their downloads, and only an upheld appeal brings it back.
	 */
	private @Nullable Instant removedAt;

	/** Set while the creator is suspended or banned: then none of their bundles is public. */
	private @Nullable Instant ownerWithdrawnAt;

	private Instant createdAt;

	private @Nullable Instant publishedAt;

	private @Nullable Instant reviewRequestedAt;

	/** Why an admin sent the bundle back from review, for its creator. */
	private @Nullable String reviewNote;

	/** When buyers get the locked files; before it the bundle sells as a pre-order. Null: released on purchase. */
	private @Nullable Instant releaseAt;

	/** When the release was announced to its buyers; written only by {@link Bundles#markReleaseAnnounced}. */
	private @Nullable Instant releaseAnnouncedAt;

	@OneToMany(mappedBy = "bundle", cascade = CascadeType.ALL, orphanRemoval = true)
	@OrderBy("position")
	private List<BundleFile> files = new ArrayList<>();

	@Version
	@Column(nullable = false)
	private long version;

	protected Bundle() {
	}

	Bundle(AccountId owner, String creatorName, BundleText text, Instant now) {
		this.id = UUID.randomUUID();
		this.ownerId = owner.value();
		this.creatorName = creatorName;
		this.status = BundleStatus.DRAFT;
		this.gate = Gate.FREE;
		this.createdAt = now;
		describe(text);
	}

	BundleId id() {
		return new BundleId(id);
	}

	AccountId owner() {
		return new AccountId(ownerId);
	}

	/** Hides the difference between "not yours" and "does not exist" from a caller probing ids. */
	void assertOwnedBy(AccountId account) {
		if (!ownerId.equals(account.value())) {
			throw new BundleNotFoundException();
		}
	}

	boolean isPublic() {
		return status == BundleStatus.PUBLISHED && hiddenAt == null && ownerWithdrawnAt == null;
	}

	void describe(BundleText text) {
		this.title = text.title();
		this.summary = text.summary();
		this.description = text.description();
	}

	void makeFree() {
		otherPrices.clear();
		this.gate = Gate.FREE;
		this.priceMinor = null;
		this.priceCurrency = null;
		this.suggestedMinor = null;
		withdrawRental();
	}

	void requireEmail() {
		makeFree();
		this.gate = Gate.EMAIL;
	}

	void charge(Money price) {
		if (price.isZero()) {
			throw new CatalogException("gate.price.zero");
		}
		keepOtherPricesOnlyFor(Gate.PAID, price.currency());
		this.gate = Gate.PAID;
		this.priceMinor = price.minor();
		this.priceCurrency = price.currency();
		this.suggestedMinor = null;
		if (rentalPriceMinor != null && rentalPriceMinor >= price.minor()) {
			withdrawRental();
		}
	}

	/**
	 * Offers a rental beside the fixed price: cheaper than buying, in the same currency.
	 * @throws CatalogException if the bundle has no fixed price or the rental would not cost less
	 */
	void offerRental(Money price, int hours) {
		Money purchase = price().orElse(null);
		if (gate != Gate.PAID || purchase == null) {
			throw new CatalogException("rental.paidOnly");
		}
		if (!price.currency().equals(purchase.currency())) {
			throw new CatalogException("rental.currency", purchase.currency().getCurrencyCode());
		}
		if (price.minor() >= purchase.minor()) {
			throw new CatalogException("rental.notCheaper", purchase.toDecimalString(),
					purchase.currency().getCurrencyCode());
		}
		this.rentalPriceMinor = price.minor();
		this.rentalHours = hours;
	}

	void withdrawRental() {
		this.rentalPriceMinor = null;
		this.rentalHours = null;
		if (otherPrices.stream().anyMatch(p -> p.rentalMinor() != null)) {
			otherPrices.replaceAll(CurrencyPrice::withoutRental);
		}
	}

	/**
	 * A new main price keeps the other currencies' prices only if they mean the same (a fixed price stays a fixed
	 * price), and none in the new main currency, which the main price now states.
	 */
	private void keepOtherPricesOnlyFor(Gate newGate, Currency newMainCurrency) {
		if (gate != newGate) {
			otherPrices.clear();
		}
		else {
			otherPrices.removeIf(p -> p.currency().equals(newMainCurrency));
		}
	}

	/**
	 * Sets the price in a currency besides the main one, for the current gate: a fixed price (above zero) with an
	 * optional rental price below it, which needs a rental offer in the main currency (whose window it shares); or a
	 * pay-what-you-want minimum (zero allowed) with the suggested amount. Ranges are {@link PriceRules}' to check.
	 * @throws CatalogException if the bundle is not priced, the currency is the main one, or the amounts disagree
	 */
	void priceIn(Money amount, @Nullable Money suggested, @Nullable Money rental) {
		Currency currency = amount.currency();
		if ((gate != Gate.PAID && gate != Gate.PWYW) || priceCurrency == null) {
			throw new CatalogException("prices.pricedOnly");
		}
		if (currency.equals(priceCurrency)) {
			throw new CatalogException("prices.mainCurrency", currency.getCurrencyCode());
		}
		CurrencyPrice entry;
		if (gate == Gate.PAID) {
			if (amount.isZero()) {
				throw new CatalogException("gate.price.zero");
			}
			if (rental != null && rentalHours == null) {
				throw new CatalogException("prices.rental.noMainRental");
			}
			if (rental != null && rental.minor() >= amount.minor()) {
				throw new CatalogException("rental.notCheaper", amount.toDecimalString(), currency.getCurrencyCode());
			}
			entry = new CurrencyPrice(currency, amount.minor(), null, rental == null ? null : rental.minor());
		}
		else {
			if (suggested == null) {
				throw new CatalogException("prices.suggested.required");
			}
			if (suggested.minor() < amount.minor()) {
				throw new CatalogException("gate.pwyw.suggestedBelowMinimum");
			}
			entry = new CurrencyPrice(currency, amount.minor(), suggested.minor(), null);
		}
		dropPriceIn(currency);
		otherPrices.add(entry);
	}

	void dropPriceIn(Currency currency) {
		otherPrices.removeIf(p -> p.currency().equals(currency));
	}

	/** The prices besides the main one, by currency code, for the editor. */
	List<OtherPrice> otherPrices() {
		return otherPrices.stream()
			.sorted(Comparator.comparing(p -> p.currency().getCurrencyCode()))
			.map(p -> new OtherPrice(p.amount(), p.suggested().orElse(null), p.rental().orElse(null)))
			.toList();
	}

	/** The currencies a viewer may pay in: the main one first, then the others by code; none when not priced. */
	List<Currency> currencies() {
		if (priceCurrency == null) {
			return List.of();
		}
		List<Currency> all = new ArrayList<>();
		all.add(priceCurrency);
		otherPrices().forEach(p -> all.add(p.amount().currency()));
		return List.copyOf(all);
	}

	private Optional<CurrencyPrice> otherPrice(Currency currency) {
		return otherPrices.stream().filter(p -> p.currency().equals(currency)).findFirst();
	}

	/** The rental offer as set by the creator, whether or not the bundle has anything to stream. */
	Optional<RentalTerms> rentalTerms() {
		return rentalPriceMinor == null || rentalHours == null || priceCurrency == null ? Optional.empty()
				: Optional.of(new RentalTerms(new Money(rentalPriceMinor, priceCurrency), rentalHours));
	}

	/** Whether a rental has anything to stream: a locked video or audio file. */
	boolean hasLockedMedia() {
		return files.stream().map(BundleFile::view).anyMatch(f -> !f.unlocked() && f.playable());
	}

	/** Lets viewers choose what they pay, at least {@code minimum} (which may be zero); the page proposes {@code suggested}. */
	void payWhatYouWant(Money minimum, Money suggested) {
		if (!minimum.currency().equals(suggested.currency())) {
			throw new IllegalArgumentException("Minimum and suggested price in different currencies");
		}
		if (suggested.minor() < minimum.minor()) {
			throw new CatalogException("gate.pwyw.suggestedBelowMinimum");
		}
		keepOtherPricesOnlyFor(Gate.PWYW, minimum.currency());
		this.gate = Gate.PWYW;
		this.priceMinor = minimum.minor();
		this.priceCurrency = minimum.currency();
		this.suggestedMinor = suggested.minor();
		withdrawRental();
	}

	/** The fixed price, or for pay what you want the minimum; empty when free. */
	Optional<Money> price() {
		return priceMinor == null || priceCurrency == null ? Optional.empty()
				: Optional.of(new Money(priceMinor, priceCurrency));
	}

	Optional<Money> suggestedPrice() {
		return suggestedMinor == null || priceCurrency == null ? Optional.empty()
				: Optional.of(new Money(suggestedMinor, priceCurrency));
	}

	void publish(Instant now) {
		assertPublishable();
		this.status = BundleStatus.PUBLISHED;
		if (publishedAt == null) {
			this.publishedAt = now;
		}
	}

	/** Withdraws the bundle from the storefront, or from the review queue. */
	void unpublish() {
		this.status = BundleStatus.DRAFT;
	}

	/** Whether it has been public before: then buyers may hold it, and republishing needs no review. */
	boolean wasPublished() {
		return publishedAt != null;
	}

	/** Publishing under pre-moderation: the bundle waits for an admin instead of going public. */
	void submitForReview(Instant now) {
		assertPublishable();
		this.status = BundleStatus.PENDING_REVIEW;
		this.reviewRequestedAt = now;
		this.reviewNote = null;
	}

	/** An admin let a bundle waiting for review go public. */
	void approve(Instant now) {
		assertPendingReview();
		this.status = BundleStatus.PUBLISHED;
		if (publishedAt == null) {
			this.publishedAt = now;
		}
	}

	/** An admin sent a bundle back to draft, with a reason its creator sees; they may submit it again. */
	void reject(String reason) {
		assertPendingReview();
		this.status = BundleStatus.DRAFT;
		this.reviewNote = reason;
	}

	private void assertPublishable() {
		if (status == BundleStatus.PENDING_REVIEW) {
			throw new CatalogException("bundle.review.pending");
		}
		if (files.isEmpty()) {
			throw new CatalogException("bundle.publish.noFiles");
		}
	}

	private void assertPendingReview() {
		if (status != BundleStatus.PENDING_REVIEW) {
			throw new CatalogException("bundle.review.notPending");
		}
	}

	/**
	 * Sets or moves the release to {@code at}, which must be in the future and at most {@link #MAX_PRE_ORDER} away (a
	 * year like 999999999 is a typo, and beyond what PostgreSQL stores). Once a release has come, it cannot be taken
	 * back: its buyers have the files.
	 */
	void scheduleRelease(Instant at, Instant now) {
		if (!at.isAfter(now)) {
			throw new CatalogException("release.past");
		}
		if (at.isAfter(now.plus(MAX_PRE_ORDER))) {
			throw new CatalogException("release.tooFar", MAX_PRE_ORDER.toDays() / 365);
		}
		if (releaseAt != null && !releaseAt.isAfter(now)) {
			throw new CatalogException("release.alreadyOut");
		}
		this.releaseAt = at;
	}

	/** Releases a pre-order now (its buyers get the files and the announcement); a released bundle stays so. */
	void releaseNow(Instant now) {
		if (releaseAt != null && releaseAt.isAfter(now)) {
			this.releaseAt = now;
		}
	}

	void hide(String reason, Instant now) {
		if (removedAt != null) {
			throw new CatalogException("bundle.removed");
		}
		this.hiddenAt = now;
		this.hiddenReason = reason;
	}

	/** Puts it in the storefront's featured row (again: a repeated pick keeps the first one's place). */
	void feature(Instant now) {
		if (removedAt != null) {
			throw new CatalogException("bundle.removed");
		}
		if (status != BundleStatus.PUBLISHED) {
			throw new CatalogException("bundle.feature.unpublished");
		}
		if (featuredAt == null) {
			this.featuredAt = now;
		}
	}

	void unfeature() {
		this.featuredAt = null;
	}

	boolean isFeatured() {
		return featuredAt != null;
	}

	/** Undoes a hiding; a removed bundle stays out (only an upheld appeal reinstates it). */
	void restore() {
		if (removedAt != null) {
			throw new CatalogException("bundle.removed");
		}
		this.hiddenAt = null;
		this.hiddenReason = null;
	}

	/**
	 * Takes the bundle out of the storefront for good.
	 * @return whether this call removed it (false if it was removed already, so retries change nothing)
	 */
	boolean remove(String reason, Instant now) {
		if (removedAt != null) {
			return false;
		}
		this.removedAt = now;
		this.hiddenAt = now;
		this.hiddenReason = reason;
		return true;
	}

	/** An appeal against the removal was upheld: the bundle is public again (its refunded buyers are not back). */
	void reinstateAfterRemoval() {
		if (removedAt == null) {
			throw new CatalogException("bundle.notRemoved");
		}
		this.removedAt = null;
		this.hiddenAt = null;
		this.hiddenReason = null;
	}

	boolean isRemoved() {
		return removedAt != null;
	}

	void withdrawWithOwner(Instant now) {
		if (ownerWithdrawnAt == null) {
			this.ownerWithdrawnAt = now;
		}
	}

	void reinstateWithOwner() {
		this.ownerWithdrawnAt = null;
	}

	/** The creator deleted their account: out of the storefront for good, and their name is gone. */
	void withdrawWithDeletedOwner(String placeholderName, Instant now) {
		withdrawWithOwner(now);
		this.status = BundleStatus.DRAFT;
		this.creatorName = placeholderName;
	}

	/**
	 * Drops every file and the cover, for a deleted creator's bundle that nobody acquired, and returns their blob
	 * keys for deletion once this has committed.
	 */
	List<String> eraseFiles() {
		List<String> keys = new ArrayList<>(files.stream().map(f -> f.view().storageKey()).toList());
		files.clear();
		if (coverKey != null) {
			keys.add(coverKey);
		}
		this.coverKey = null;
		this.coverContentType = null;
		this.coverSize = null;
		this.coverSha256 = null;
		this.coverUpdatedAt = null;
		return keys;
	}

	BundleFile addFile(FileUpload upload, Instant now) {
		assertCanAddFile();
		BundleFile file = new BundleFile(this, nextPosition(), upload, now);
		files.add(file);
		return file;
	}

	void assertCanAddFile() {
		if (files.size() >= MAX_FILES) {
			throw new CatalogException("bundle.files.tooMany", MAX_FILES);
		}
	}

	private int nextPosition() {
		return files.stream().mapToInt(BundleFile::position).max().orElse(-1) + 1;
	}

	/**
	 * Removes a file and returns the keys of its blobs (the file, and its poster frame if it has one) for deletion.
	 * Only before first publication: once a bundle has been out, buyers may rely on every file in it.
	 */
	List<String> removeFile(BundleFileId fileId) {
		if (publishedAt != null) {
			throw new CatalogException("bundle.files.removeAfterPublish");
		}
		BundleFile file = file(fileId);
		files.remove(file);
		List<String> blobs = new ArrayList<>();
		blobs.add(file.view().storageKey());
		file.posterKey().ifPresent(blobs::add);
		return blobs;
	}

	void unlockFile(BundleFileId fileId, boolean unlocked) {
		file(fileId).unlock(unlocked);
	}

	/** The key of the poster frame taken from one of this bundle's videos, to become the cover. */
	String posterOf(BundleFileId fileId) {
		return file(fileId).posterKey().orElseThrow(() -> new CatalogException("cover.noPoster"));
	}

	private BundleFile file(BundleFileId fileId) {
		return files.stream().filter(f -> f.id().equals(fileId)).findFirst().orElseThrow(BundleNotFoundException::new);
	}

	/** Sets a new cover and returns the key of the one it replaces, if any, for deletion. */
	Optional<String> changeCover(StoredBlob blob, String contentType, Instant now) {
		Optional<String> previous = Optional.ofNullable(coverKey);
		this.coverKey = blob.key();
		this.coverContentType = contentType;
		this.coverSize = blob.size();
		this.coverSha256 = blob.sha256();
		this.coverUpdatedAt = now;
		return previous;
	}

	Optional<CoverView> cover() {
		if (coverKey == null || coverContentType == null || coverSize == null || coverSha256 == null
				|| coverUpdatedAt == null) {
			return Optional.empty();
		}
		return Optional.of(new CoverView(coverKey, coverContentType, coverSize, coverSha256, coverUpdatedAt));
	}

	String description() {
		return description;
	}

	List<FileView> fileViews() {
		return files.stream().map(BundleFile::view).toList();
	}

	/**
	 * The rental offer in a currency: the main rental, or the rental price the creator set in that other currency
	 * (for the same window); empty where there is none.
	 */
	Optional<RentalTerms> rentalTermsIn(Currency currency) {
		if (currency.equals(priceCurrency)) {
			return rentalTerms();
		}
		return rentalHours == null ? Optional.empty()
				: otherPrice(currency).flatMap(CurrencyPrice::rental).map(p -> new RentalTerms(p, rentalHours));
	}

	/**
	 * The bundle as it sells in a currency: priced in it (the main currency, or one the creator set a price in), or
	 * as it is when not priced at all; empty when it has no price in that currency.
	 */
	Optional<BundleSummary> summaryIn(Currency currency) {
		if (priceCurrency == null || currency.equals(priceCurrency)) {
			return Optional.of(summary());
		}
		return otherPrice(currency).map(p -> summary(p.amount(), p.suggested().orElse(null)));
	}

	BundleSummary summary() {
		return summary(price().orElse(null), suggestedPrice().orElse(null));
	}

	private BundleSummary summary(@Nullable Money price, @Nullable Money suggested) {
		return new BundleSummary(id(), owner(), creatorName, title, summary, gate, price, suggested,
				cover().map(CoverView::version).orElse(null), status, hiddenAt == null ? null : hiddenReason, createdAt,
				publishedAt, ownerWithdrawnAt != null, removedAt != null, reviewNote, releaseAt);
	}

	BundleDetails details() {
		return new BundleDetails(summary(), description, fileViews(), currencies());
	}

	/** The details priced in {@code currency} where the bundle has a price in it, else in its main currency. */
	BundleDetails detailsIn(Currency currency) {
		return new BundleDetails(summaryIn(currency).orElseGet(this::summary), description, fileViews(),
				currencies());
	}
}
