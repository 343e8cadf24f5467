package io.reelgate.moderation;

import java.util.List;

import io.reelgate.catalog.BundleSummary;

/** The open reports about one bundle, oldest first, with the bundle as it is now. */
public record ReportGroup(BundleSummary bundle, List<ReportView> reports) {
}
