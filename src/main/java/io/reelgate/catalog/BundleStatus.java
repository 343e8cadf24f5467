package io.reelgate.catalog;

/**
 * Whether the creator has released a bundle. With pre-moderation on, a new creator's bundle waits in
 * PENDING_REVIEW for an admin before it is PUBLISHED. Moderation is separate: a published bundle may still be hidden.
 */
public enum BundleStatus {
	DRAFT, PENDING_REVIEW, PUBLISHED
}
