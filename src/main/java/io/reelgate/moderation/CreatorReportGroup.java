package io.reelgate.moderation;

import java.util.List;

import io.reelgate.accounts.AccountView;

/** The open reports about one creator as a whole, oldest first, with the creator's account as it is now. */
public record CreatorReportGroup(AccountView creator, List<ReportView> reports) {
}
