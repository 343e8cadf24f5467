package io.reelgate.library;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The storefront's "popular" sort.
 *
 * @param window how far back the entitlements it counts go
 * @param refresh how often the counts are taken again (a new purchase moves a bundle up at the next count)
 */
@ConfigurationProperties("reelgate.popularity")
record PopularityProperties(@DefaultValue("30d") Duration window, @DefaultValue("10m") Duration refresh) {
}
