package io.reelgate.privacy;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** Everything Reelgate holds about one account that its owner may take away, as JSON. */
record DataExport(Instant exportedAt, Account account, List<LibraryEntry> library, List<Bundle> bundles) {

	record Account(String id, String email, String displayName, String role, String status,
			@Nullable String statusReason) {
	}

	record LibraryEntry(String bundleId, String title, String creator, Instant acquiredAt,
			@Nullable String revokedReason) {
	}

	record Bundle(String id, String title, String summary, String status, Instant createdAt,
			@Nullable Instant publishedAt, List<String> files) {
	}
}
