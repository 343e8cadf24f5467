package io.reelgate.catalog;

import java.time.Instant;
import java.util.List;

import io.reelgate.shared.AccountId;
import io.reelgate.shared.BundleId;
import io.reelgate.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * A bundle as lists show it: storefront, dashboard, moderation. {@code price} is null for free bundles and the
 * minimum for pay what you want, whose {@code suggestedPrice} is what the page proposes (null for other gates). A
 * removed bundle ({@code removed}) is hidden too, with the removal's reason. {@code reviewNote} says why an admin sent
 * it back from pre-moderation review, if they did. {@code releaseAt}, if set, is when buyers get the locked files:
 * before it the bundle sells as a pre-order. {@code coverVersion}, when it has a cover, names that cover's bytes
 * ({@link CoverView#version()}): the sized covers' URLs carry it, so they change when the cover does. {@code tags}
 * are the creator's tags in their order, as the storefront's cards read them ({@link BundleTags}); empty where a list
 * does not need them (studio, moderation).
 */
public record BundleSummary(BundleId id, AccountId creatorId, String creatorName, String title, String summary,
		Gate gate, @Nullable Money price, @Nullable Money suggestedPrice, @Nullable String coverVersion, BundleStatus status,
		@Nullable String hiddenReason, Instant createdAt, @Nullable Instant publishedAt, boolean creatorWithdrawn,
		boolean removed, @Nullable String reviewNote, @Nullable Instant releaseAt, List<String> tags) {

	/** A summary without its tags, for lists that do not show them. */
	public BundleSummary(BundleId id, AccountId creatorId, String creatorName, String title, String summary, Gate gate,
			@Nullable Money price, @Nullable Money suggestedPrice, @Nullable String coverVersion, BundleStatus status,
			@Nullable String hiddenReason, Instant createdAt, @Nullable Instant publishedAt, boolean creatorWithdrawn,
			boolean removed, @Nullable String reviewNote, @Nullable Instant releaseAt) {
		this(id, creatorId, creatorName, title, summary, gate, price, suggestedPrice, coverVersion, status, hiddenReason,
				createdAt, publishedAt, creatorWithdrawn, removed, reviewNote, releaseAt, List.of());
	}

	public boolean hasCover() {
		return coverVersion != null;
	}

	public boolean isPendingReview() {
		return status == BundleStatus.PENDING_REVIEW;
	}

	public boolean isHidden() {
		return hiddenReason != null;
	}

	public boolean isPublished() {
		return status == BundleStatus.PUBLISHED;
	}

	public boolean isFree() {
		return gate == Gate.FREE;
	}

	public boolean isPayWhatYouWant() {
		return gate == Gate.PWYW;
	}

	/**
	 * Whether anyone may find, see and acquire it: published, not hidden by moderation, and its creator not
	 * suspended or banned ({@code creatorWithdrawn}).
	 */
	public boolean isPublic() {
		return isPublished() && !isHidden() && !creatorWithdrawn;
	}

	/**
	 * Whether it sells as a pre-order now, for pages. Access itself is decided by {@code DownloadPolicy} against the
	 * application's clock; this reads the wall clock, which is that clock outside tests.
	 */
	public boolean isPreOrder() {
		return releaseAt != null && releaseAt.isAfter(Instant.now());
	}
}
