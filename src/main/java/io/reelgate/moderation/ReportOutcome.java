package io.reelgate.moderation;

import java.util.List;

import io.reelgate.shared.AccountId;

/**
 * What became of reports about a bundle or a creator, for the people who sent them: reporters with an account, and
 * anyone who left an address (copyright claimants' contacts, and the optional email of any reporter). Anonymous
 * reporters without one are not told.
 *
 * @param subject the bundle's title, or the creator's name
 */
public record ReportOutcome(About about, String subject, Outcome outcome, String reason, List<AccountId> reporters,
		List<String> contacts) {

	public ReportOutcome {
		reporters = List.copyOf(reporters);
		contacts = List.copyOf(contacts);
	}

	public enum Outcome {
		DISMISSED, BUNDLE_HIDDEN, BUNDLE_REMOVED, CREATOR_SUSPENDED, CREATOR_BANNED
	}

	/** What the reports were about. */
	public enum About {
		BUNDLE, CREATOR
	}
}
