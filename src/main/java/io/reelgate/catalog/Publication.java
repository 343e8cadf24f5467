package io.reelgate.catalog;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import org.jspecify.annotations.Nullable;

/**
 * Where a bundle is between draft and the storefront: its status, when it first went public (then buyers may hold
 * it, its files stay and republishing needs no review), and its last {@link Review} under pre-moderation. Whether it
 * has files to publish is the bundle's to say.
 */
@Embeddable
class Publication {

	@Enumerated(EnumType.STRING)
	@Column(name = "status")
	private BundleStatus status;

	@Column(name = "published_at")
	private @Nullable Instant publishedAt;

	@Embedded
	private @Nullable Review review;

	protected Publication() {
		this.status = BundleStatus.DRAFT;
	}

	static Publication draft() {
		return new Publication();
	}

	BundleStatus status() {
		return status;
	}

	boolean isPublished() {
		return status == BundleStatus.PUBLISHED;
	}

	@Nullable Instant publishedAt() {
		return publishedAt;
	}

	boolean wasPublished() {
		return publishedAt != null;
	}

	/** Why an admin sent the bundle back from review, for its creator. */
	@Nullable String reviewNote() {
		return review == null ? null : review.note();
	}

	void publish(Instant now, boolean hasFiles) {
		assertPublishable(hasFiles);
		goPublic(now);
	}

	/** Back to draft: out of the storefront, or out of the review queue. */
	void unpublish() {
		this.status = BundleStatus.DRAFT;
	}

	/** Publishing under pre-moderation: the bundle waits for an admin instead of going public. */
	void submitForReview(Instant now, boolean hasFiles) {
		assertPublishable(hasFiles);
		this.status = BundleStatus.PENDING_REVIEW;
		this.review = Review.requested(now);
	}

	/** An admin let a bundle waiting for review go public. */
	void approve(Instant now) {
		assertPendingReview();
		goPublic(now);
	}

	/** An admin sent a bundle back to draft, with a reason its creator sees; they may submit it again. */
	void reject(String reason) {
		assertPendingReview();
		this.status = BundleStatus.DRAFT;
		this.review = (review == null ? new Review(null, null) : review).rejected(reason);
	}

	private void goPublic(Instant now) {
		this.status = BundleStatus.PUBLISHED;
		if (publishedAt == null) {
			this.publishedAt = now;
		}
	}

	private void assertPublishable(boolean hasFiles) {
		if (status == BundleStatus.PENDING_REVIEW) {
			throw new CatalogException("bundle.review.pending");
		}
		if (!hasFiles) {
			throw new CatalogException("bundle.publish.noFiles");
		}
	}

	private void assertPendingReview() {
		if (status != BundleStatus.PENDING_REVIEW) {
			throw new CatalogException("bundle.review.notPending");
		}
	}
}
