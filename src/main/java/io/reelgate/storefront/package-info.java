/** The public pages: home, bundle and creator pages, search, sitemaps and robots.txt. */
@ApplicationModule(allowedDependencies = { "accounts", "analytics", "catalog", "checkout", "library", "storage", "web" })
package io.reelgate.storefront;

import org.springframework.modulith.ApplicationModule;
