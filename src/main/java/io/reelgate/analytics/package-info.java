/**
 * Analytics for creators: page views, unlocks by gate, money per currency, refunds, downloads, streams and
 * referrers, recorded as raw events and rolled up per bundle and day for the studio's pages.
 */
@ApplicationModule(allowedDependencies = { "accounts", "catalog", "checkout", "library" })
package io.reelgate.analytics;

import org.springframework.modulith.ApplicationModule;
