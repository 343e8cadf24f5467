package io.reelgate.web;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.http.CacheControl;

/**
 * How long browsers and shared caches (a CDN, nginx's {@code proxy_cache}) may keep the public pages they got
 * anonymously: the storefront, search, creator and bundle pages ({@link PublicPageCaching}). A change a creator
 * publishes (a price, a new bundle) or a moderator's hide reaches every visitor within about
 * {@code max(maxAge, sharedMaxAge) + staleWhileRevalidate}.
 *
 * @param maxAge how long a browser keeps a page without asking again
 * @param sharedMaxAge how long a shared cache serves a page without asking the application
 * @param staleWhileRevalidate how much longer a cache may serve a page it is refreshing in the background, so a
 * flood of visitors never waits for the application when an entry expires
 * @param appCache how long each instance answers a public page from its own memory ({@link AnonymousPages}), the
 * shared cache of last resort when none is in front; 0 renders every request
 */
@ConfigurationProperties("reelgate.web.public-pages")
record PublicCacheProperties(@DefaultValue("30s") Duration maxAge, @DefaultValue("60s") Duration sharedMaxAge,
		@DefaultValue("30s") Duration staleWhileRevalidate, @DefaultValue("5s") Duration appCache) {

	CacheControl cacheControl() {
		return CacheControl.maxAge(maxAge).cachePublic().sMaxAge(sharedMaxAge)
			.staleWhileRevalidate(staleWhileRevalidate);
	}
}
