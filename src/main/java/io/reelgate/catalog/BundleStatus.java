package io.reelgate.catalog;

/** Whether the creator has released a bundle. Moderation is separate: a published bundle may still be hidden. */
public enum BundleStatus {
	DRAFT, PUBLISHED
}
