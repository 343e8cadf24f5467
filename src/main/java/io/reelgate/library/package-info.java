/**
 * What buyers own and how they get it: entitlements, signed download links, streams, gifts, the email gate and the
 * download log.
 */
@ApplicationModule(allowedDependencies = { "accounts", "catalog", "checkout", "media", "notifications", "ratelimit",
		"storage" })
package io.reelgate.library;

import org.springframework.modulith.ApplicationModule;
