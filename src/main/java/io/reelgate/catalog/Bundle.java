package io.reelgate.catalog;

import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.reelgate.shared.AccountId;
import io.reelgate.shared.BundleFileId;
import io.reelgate.shared.BundleId;
import io.reelgate.shared.Money;
import io.reelgate.storage.StoredBlob;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

/**
 * A film and what goes with it, as one creator publishes it. The aggregate coordinates value objects that guard their
 * own rules ({@link Pricing} with its {@link RentalOffer}, {@link Publication} with its {@link Review},
 * {@link Release}, {@link Withdrawal}, {@link Cover}, {@link FileList}) and keeps the rules that span them: only its
 * owner changes it, it publishes only with files, files stay once published, moderation is apart from publishing.
 * <p>
 * Hibernate leaves an embedded value null when all its columns are, so the nullable ones are read through accessors
 * that stand in {@code NONE}, and written only when they change.
 */
@Entity
@Table(name = "bundles")
class Bundle {

	@Id
	private UUID id;

	private UUID ownerId;

	private String creatorName;

	private String title;

	private String summary;

	private String description;

	@Embedded
	private Publication publication;

	@Embedded
	private Pricing pricing;

	private @Nullable Cover cover;

	private @Nullable Withdrawal withdrawal;

	/** When an admin put it in the storefront's featured row; null when it is not there. */
	private @Nullable Instant featuredAt;

	private Instant createdAt;

	private @Nullable Release release;

	@Embedded
	private FileList files = new FileList();

	@Version
	@Column(nullable = false)
	private long version;

	protected Bundle() {
	}

	Bundle(AccountId owner, String creatorName, BundleText text, Instant now) {
		this.id = UUID.randomUUID();
		this.ownerId = owner.value();
		this.creatorName = creatorName;
		this.publication = Publication.draft();
		this.pricing = Pricing.free();
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
		return publication.isPublished() && !withdrawal().isWithdrawn();
	}

	private Withdrawal withdrawal() {
		return withdrawal == null ? Withdrawal.NONE : withdrawal;
	}

	private Release release() {
		return release == null ? Release.NONE : release;
	}

	void describe(BundleText text) {
		this.title = text.title();
		this.summary = text.summary();
		this.description = text.description();
	}

	/** Its gate and prices, which guard their own rules; the editor changes them through here. */
	Pricing pricing() {
		return pricing;
	}

	/** Its files, which guard their own rules; adding and removing one go through the bundle. */
	FileList files() {
		return files;
	}

	void publish(Instant now) {
		publication.publish(now, !files.isEmpty());
	}

	/** Withdraws the bundle from the storefront, or from the review queue. */
	void unpublish() {
		publication.unpublish();
	}

	/** Whether it has been public before: then buyers may hold it, and republishing needs no review. */
	boolean wasPublished() {
		return publication.wasPublished();
	}

	/** Publishing under pre-moderation: the bundle waits for an admin instead of going public. */
	void submitForReview(Instant now) {
		publication.submitForReview(now, !files.isEmpty());
	}

	/** An admin let a bundle waiting for review go public. */
	void approve(Instant now) {
		publication.approve(now);
	}

	/** An admin sent a bundle back to draft, with a reason its creator sees; they may submit it again. */
	void reject(String reason) {
		publication.reject(reason);
	}

	/** Sets or moves the release (see {@link Release#movedTo}); a release that has come cannot be taken back. */
	void scheduleRelease(Instant at, Instant now) {
		this.release = release().movedTo(at, now);
	}

	/** Releases a pre-order now (its buyers get the files and the announcement); a released bundle stays so. */
	void releaseNow(Instant now) {
		if (release().isAhead(now)) {
			this.release = new Release(now, release().announcedAt());
		}
	}

	void hide(String reason, Instant now) {
		this.withdrawal = withdrawal().hidden(reason, now);
	}

	/** Puts it in the storefront's featured row (again: a repeated pick keeps the first one's place). */
	void feature(Instant now) {
		withdrawal().assertNotRemoved();
		if (!publication.isPublished()) {
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
		this.withdrawal = withdrawal().restored();
	}

	/**
	 * Takes the bundle out of the storefront for good.
	 * @return whether this call removed it (false if it was removed already, so retries change nothing)
	 */
	boolean remove(String reason, Instant now) {
		if (withdrawal().isRemoved()) {
			return false;
		}
		this.withdrawal = withdrawal().removed(reason, now);
		return true;
	}

	/** An appeal against the removal was upheld: the bundle is public again (its refunded buyers are not back). */
	void reinstateAfterRemoval() {
		this.withdrawal = withdrawal().reinstatedAfterRemoval();
	}

	boolean isRemoved() {
		return withdrawal().isRemoved();
	}

	/** Its owner was suspended or banned; a repeat keeps the first time ({@link Withdrawal#withOwner}). */
	void withdrawWithOwner(Instant now) {
		this.withdrawal = withdrawal().withOwner(now);
	}

	void reinstateWithOwner() {
		if (withdrawal().ownerWithdrawnAt() != null) {
			this.withdrawal = withdrawal().reinstatedWithOwner();
		}
	}

	/** The creator deleted their account: out of the storefront for good, and their name is gone. */
	void withdrawWithDeletedOwner(String placeholderName, Instant now) {
		withdrawWithOwner(now);
		publication.unpublish();
		this.creatorName = placeholderName;
	}

	/** Drops the files and cover of a deleted creator's bundle nobody had; returns blob keys to delete after commit. */
	List<String> eraseFiles() {
		List<String> keys = files.clear();
		Optional.ofNullable(cover).map(Cover::key).ifPresent(keys::add);
		this.cover = null;
		return keys;
	}

	BundleFile addFile(FileUpload upload, Instant now) {
		return files.add(this, upload, now);
	}

	/** {@link FileList#remove}, only before first publication: once it has been out, buyers rely on every file. */
	List<String> removeFile(BundleFileId fileId) {
		if (publication.wasPublished()) {
			throw new CatalogException("bundle.files.removeAfterPublish");
		}
		return files.remove(fileId);
	}

	/** Sets a new cover and returns the key of the one it replaces, if any, for deletion. */
	Optional<String> changeCover(StoredBlob blob, String contentType, Instant now) {
		Optional<String> previous = Optional.ofNullable(cover).map(Cover::key);
		this.cover = Cover.of(blob, contentType, now);
		return previous;
	}

	Optional<CoverView> cover() {
		return Optional.ofNullable(cover).map(Cover::view);
	}

	/**
	 * The bundle as it sells in a currency: priced in it (the main currency, or one the creator set a price in), or
	 * as it is when not priced at all; empty when it has no price in that currency.
	 */
	Optional<BundleSummary> summaryIn(Currency currency) {
		if (pricing.sellsAsSetIn(currency)) {
			return Optional.of(summary());
		}
		return pricing.otherPrice(currency).map(p -> summary(p.amount(), p.suggested().orElse(null)));
	}

	BundleSummary summary() {
		return summary(pricing.price().orElse(null), pricing.suggestedPrice().orElse(null));
	}

	private BundleSummary summary(@Nullable Money price, @Nullable Money suggested) {
		Withdrawal out = withdrawal();
		return new BundleSummary(id(), owner(), creatorName, title, summary, pricing.gate(), price, suggested,
				cover().map(CoverView::version).orElse(null), publication.status(), out.shownReason(), createdAt,
				publication.publishedAt(), out.ownerWithdrawnAt() != null, out.isRemoved(), publication.reviewNote(),
				release().at());
	}

	BundleDetails details() {
		return new BundleDetails(summary(), description, files.views(), pricing.currencies());
	}

	/** The details priced in {@code currency} where the bundle has a price in it, else in its main currency. */
	BundleDetails detailsIn(Currency currency) {
		return new BundleDetails(summaryIn(currency).orElseGet(this::summary), description, files.views(),
				pricing.currencies());
	}
}
