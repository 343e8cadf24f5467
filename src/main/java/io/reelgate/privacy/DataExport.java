package io.reelgate.privacy;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** Everything Reelgate holds about one account that its owner may take away, as JSON. */
record DataExport(Instant exportedAt, Account account, List<LibraryEntry> library, List<Order> orders,
		List<GiftSent> giftsSent, List<EmailGiven> emailsGiven, List<Bundle> bundles, List<DiscountCode> discountCodes) {

	record Account(String id, String email, String displayName, String role, String status,
			@Nullable String statusReason) {
	}

	record LibraryEntry(String bundleId, String title, String creator, Instant acquiredAt,
			@Nullable String revokedReason) {
	}

	/** Amounts as minor units of their currency, as they are kept. */
	record Order(String id, String bundleId, String kind, String status, @Nullable Long amountMinor,
			@Nullable String currency, @Nullable String discountCode, Instant createdAt, @Nullable Instant paidAt) {
	}

	record GiftSent(String orderId, String bundleTitle, String recipient, String state, @Nullable Instant sentAt,
			@Nullable Instant claimedAt) {
	}

	record EmailGiven(String email, String bundleTitle, Instant consentAt, @Nullable Instant confirmedAt) {
	}

	record DiscountCode(String code, @Nullable String bundleId, String discount, @Nullable Instant expiresAt,
			@Nullable Integer usageLimit, long used, boolean disabled) {
	}

	record Bundle(String id, String title, String summary, String status, Instant createdAt,
			@Nullable Instant publishedAt, List<String> files) {
	}
}
