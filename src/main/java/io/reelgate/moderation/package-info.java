/** Reports, appeals, admin actions on bundles and accounts, pre-moderation review and the audit log. */
@ApplicationModule(allowedDependencies = { "accounts", "catalog", "checkout", "ratelimit" })
package io.reelgate.moderation;

import org.springframework.modulith.ApplicationModule;
