package io.reelgate.moderation;

/** What a report says is wrong with a bundle. Copyright reports need the details of a takedown notice. */
public enum ReportCategory {
	COPYRIGHT, ILLEGAL, SPAM, OTHER
}
