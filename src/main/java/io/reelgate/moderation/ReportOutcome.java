package io.reelgate.moderation;

import java.util.List;

import io.reelgate.shared.AccountId;

/**
 * What became of reports about a bundle, for the people who sent them: reporters with an account, and copyright
 * claimants at the contact address they gave. Anonymous reporters without one are not told.
 */
public record ReportOutcome(String bundleTitle, Outcome outcome, String reason, List<AccountId> reporters,
		List<String> contacts) {

	public ReportOutcome {
		reporters = List.copyOf(reporters);
		contacts = List.copyOf(contacts);
	}

	public enum Outcome {
		DISMISSED, BUNDLE_HIDDEN, BUNDLE_REMOVED, CREATOR_SUSPENDED
	}
}
